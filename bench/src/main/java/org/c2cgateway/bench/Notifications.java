package org.c2cgateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notifications of a chosen size for benchmarks, grown from a real sample by repeating its first goods
 * item (renumbered, so the document stays valid under every rule).
 */
public final class Notifications {

    private static final Pattern GOODS_ITEM = Pattern.compile("(?s)(\\s*<GoodsItem>.*?</GoodsItem>)");

    private Notifications() {
    }

    /** The sample, grown to at least {@code targetBytes}; the repository root is found from the working directory. */
    public static byte[] ofSize(String sample, int targetBytes) throws IOException {
        String xml = Files.readString(repositoryRoot().resolve("config/samples/valid").resolve(sample));
        Matcher first = GOODS_ITEM.matcher(xml);
        if (!first.find()) {
            throw new IllegalArgumentException(sample + " has no goods item to repeat");
        }
        String item = first.group(1);
        int count = (int) Pattern.compile("<GoodsItem>").matcher(xml).results().count();
        int end = xml.lastIndexOf("</GoodsItem>") + "</GoodsItem>".length();
        StringBuilder grown = new StringBuilder(xml.substring(0, end));
        while (grown.length() + (xml.length() - end) < targetBytes) {
            count++;
            grown.append(item.replaceFirst("<SequenceNumber>\\d+</SequenceNumber>", "<SequenceNumber>" + count + "</SequenceNumber>"));
        }
        grown.append(xml.substring(end));
        return grown.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("config/samples/valid"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run the benchmarks from inside the repository (config/samples/valid not found)");
        }
        return dir;
    }
}
