package org.c2cgateway.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

import org.apache.wss4j.common.ext.Attachment;
import org.apache.wss4j.common.ext.AttachmentRequestCallback;
import org.apache.wss4j.common.ext.AttachmentResultCallback;

/**
 * Gives WSS4J access to SwA attachments held in memory, and collects what it produces.
 *
 * <p>WSS4J never touches MIME itself: it asks for attachments by Content-ID (without
 * {@code cid:}; the id {@code "Attachments"} means all of them) through
 * {@link AttachmentRequestCallback}, and hands back encrypted (when sending) or decrypted (when
 * receiving) attachments through {@link AttachmentResultCallback}. We store the result in place of
 * the original so that a later step sees it: on the receiving side the signature is checked after
 * decryption and must digest the plaintext, as the sender signed before encrypting.
 *
 * <p>Results are read eagerly. WSS4J decrypts lazily through a {@code CipherInputStream}; reading
 * here makes an AES-GCM tag failure surface while the EncryptedKey is being processed, so it is
 * classified as a decryption failure rather than showing up later as a signature digest mismatch.
 *
 * <p>One instance per message; not thread-safe (WSS4J processes one message on one thread).
 */
public final class AttachmentCallbackHandler implements CallbackHandler {

    private static final String ALL_ATTACHMENTS = "Attachments";

    private final Map<String, byte[]> contents = new LinkedHashMap<>();
    private final Map<String, String> mimeTypes = new HashMap<>();
    private final Set<String> replaced = new LinkedHashSet<>();
    private IOException resultFailure;

    /** Adds an attachment; {@code contentId} is the bare Content-ID, without angle brackets. */
    public AttachmentCallbackHandler add(String contentId, String mimeType, byte[] content) {
        contents.put(contentId, content);
        mimeTypes.put(contentId, mimeType);
        return this;
    }

    /** The current bytes of an attachment: as added, or as replaced by WSS4J. */
    public byte[] content(String contentId) {
        return contents.get(contentId);
    }

    /** All attachment ids, in the order added. */
    public Set<String> ids() {
        return Collections.unmodifiableSet(contents.keySet());
    }

    /**
     * Ids WSS4J delivered a result for: encrypted or decrypted content, but also signed
     * attachments handed back unchanged after digesting. Not proof of decryption.
     */
    public Set<String> replacedIds() {
        return Collections.unmodifiableSet(replaced);
    }

    /** The error met while reading a result stream (e.g. an AES-GCM tag mismatch), if any. */
    public IOException resultFailure() {
        return resultFailure;
    }

    @Override
    public void handle(Callback[] callbacks) throws IOException, UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof AttachmentRequestCallback request) {
                request.setAttachments(lookup(request.getAttachmentId()));
            } else if (callback instanceof AttachmentResultCallback result) {
                store(result);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    private List<Attachment> lookup(String id) {
        List<Attachment> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : contents.entrySet()) {
            if (ALL_ATTACHMENTS.equals(id) || e.getKey().equals(id)) {
                Attachment a = new Attachment();
                a.setId(e.getKey());
                a.setMimeType(mimeTypes.get(e.getKey()));
                a.addHeader("Content-ID", "<" + e.getKey() + ">");
                a.addHeader("Content-Type", "application/octet-stream");
                a.setSourceStream(new ByteArrayInputStream(e.getValue()));
                out.add(a);
            }
        }
        return out;
    }

    private void store(AttachmentResultCallback result) throws IOException {
        Attachment a = result.getAttachment();
        String id = result.getAttachmentId() != null ? result.getAttachmentId() : a.getId();
        try (InputStream in = a.getSourceStream()) {
            contents.put(id, in.readAllBytes());
            replaced.add(id);
        } catch (IOException e) {
            resultFailure = e;
            throw e;
        }
    }
}
