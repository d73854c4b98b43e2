package dev.tandem.app.transfer;

import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads text files for importers: whole, size-checked, and decoded strictly. UTF-8 unless a byte
 * order mark says UTF-16 (spreadsheet programs write that); a byte sequence that is not valid in
 * the encoding is refused with its line, instead of turning silently into replacement characters.
 */
public final class TextFiles {
    private TextFiles() {
    }

    /** Refuses what is not a regular file, or one larger than {@code max} bytes. */
    public static void checkSize(Path path, long max) {
        String name = String.valueOf(path.getFileName());
        try {
            if (!Files.isRegularFile(path)) {
                throw new ImportException(name, null, Messages.text("transfer.file.notFile"));
            }
            long size = Files.size(path);
            if (size > max) {
                throw new ImportException(name, null, Messages.text("transfer.file.tooLarge",
                        String.valueOf(size / (1024 * 1024)), String.valueOf(max / (1024 * 1024))));
            }
        } catch (IOException e) {
            throw new ImportException(name, null, Messages.text("transfer.error.cannotRead", e.getMessage()), e);
        }
    }

    public static byte[] readBytes(Path path, long max) {
        String name = String.valueOf(path.getFileName());
        checkSize(path, max);
        try {
            try (InputStream in = Files.newInputStream(path)) {
                return readAtMost(in, max, name, null);
            }
        } catch (IOException e) {
            throw new ImportException(name, null, Messages.text("transfer.error.cannotRead", e.getMessage()), e);
        }
    }

    /** Reads a stream to its end, refusing more than {@code max} bytes (an archive entry may lie about its size). */
    public static byte[] readAtMost(InputStream in, long max, String file, String where) throws IOException {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (b.length > max) {
            throw new ImportException(file, where,
                    Messages.text("transfer.file.entryTooLarge", String.valueOf(max / (1024 * 1024))));
        }
        return b;
    }

    public static String read(Path path) {
        return decode(readBytes(path, Limits.MAX_FILE_BYTES), String.valueOf(path.getFileName()), null);
    }

    /** Decodes as described above; {@code where} names an entry inside an archive, or null. */
    public static String decode(byte[] bytes, String file, String where) {
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            skip = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        try {
            CharBuffer out = dec.decode(in);
            String s = out.toString();
            if (s.indexOf('\u0000') >= 0) {
                throw new ImportException(file, lineWhere(where, s, s.indexOf('\u0000')),
                        Messages.text("transfer.file.nul", cs.name()));
            }
            return s;
        } catch (CharacterCodingException e) {
            // Decode the good prefix to say on which line the bad bytes are.
            int bad = Math.max(skip, firstBadByte(bytes, skip, cs));
            String prefix = new String(bytes, skip, bad - skip, cs);
            throw new ImportException(file, lineWhere(where, prefix, prefix.length()),
                    Messages.text("transfer.file.notEncoding", cs.name(),
                            String.format("%02X", bytes[Math.min(bad, bytes.length - 1)] & 0xff)));
        }
    }

    private static int firstBadByte(byte[] bytes, int from, Charset cs) {
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        dec.decode(in, out, true);
        return in.position();
    }

    private static String lineWhere(String where, String text, int upTo) {
        int line = 1;
        for (int i = 0; i < upTo && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return (where == null ? "" : where + ", ") + Messages.text("transfer.where.line", String.valueOf(line));
    }
}
