package org.c2cgateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notifications of a chosen size for benchmarks, grown from a real sample by repeating its first goods
 * item (renumbered, so the document stays valid under every rule). The schema allows at most
 * {@value #MAX_GOODS_ITEMS} goods items, so a size beyond that many copies of the sample's item (about 1.5 MB)
 * repeats the item's supporting document in each copy as well (up to {@value #MAX_DOCUMENTS}).
 */
public final class Notifications {

    private static final Pattern GOODS_ITEM = Pattern.compile("(?s)(\\s*<GoodsItem>.*?</GoodsItem>)");
    private static final Pattern SUPPORTING_DOCUMENT = Pattern.compile("(?s)(\\s*<SupportingDocument>.*?</SupportingDocument>)");
    private static final int MAX_GOODS_ITEMS = 1999;
    private static final int MAX_DOCUMENTS = 99;

    private Notifications() {
    }

    /** The sample, grown to at least {@code targetBytes}; the repository root is found from the working directory. */
    public static byte[] ofSize(String sample, int targetBytes) throws IOException {
        String xml = Files.readString(repositoryRoot().resolve("config/samples/valid").resolve(sample));
        Matcher first = GOODS_ITEM.matcher(xml);
        if (!first.find()) {
            throw new IllegalArgumentException(sample + " has no goods item to repeat");
        }
        int count = (int) Pattern.compile("<GoodsItem>").matcher(xml).results().count();
        String item = widened(first.group(1), (double) targetBytes / (MAX_GOODS_ITEMS - count));
        int end = xml.lastIndexOf("</GoodsItem>") + "</GoodsItem>".length();
        StringBuilder grown = new StringBuilder(xml.substring(0, end));
        while (grown.length() + (xml.length() - end) < targetBytes) {
            count++;
            grown.append(item.replaceFirst("<SequenceNumber>\\d+</SequenceNumber>", "<SequenceNumber>" + count + "</SequenceNumber>"));
        }
        grown.append(xml.substring(end));
        return grown.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The goods item with its supporting document repeated until it is about {@code bytes} long (at most 99). */
    private static String widened(String item, double bytes) {
        Matcher document = SUPPORTING_DOCUMENT.matcher(item);
        if (item.length() >= bytes || !document.find()) {
            return item;
        }
        int copies = (int) Math.min(MAX_DOCUMENTS, Math.ceil((bytes - item.length()) / document.group(1).length()) + 1);
        return item.substring(0, document.end()) + document.group(1).repeat(copies - 1) + item.substring(document.end());
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
