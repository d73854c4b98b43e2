package dev.tandem.app.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A pairing URL as a QR code, made by ZXing: as modules (true is dark) for the desktop's dialog to
 * draw, and as text for a terminal ({@code tandem serve}), two rows of modules per line in Unicode
 * half blocks, light modules drawn, as {@code qrencode -t UTF8} does, so it scans from a dark terminal.
 */
public final class PairingQr {
    private PairingQr() {
    }

    /** The code's modules with a quiet zone of {@code margin} modules, row by row. */
    public static boolean[][] modules(String text, int margin) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, margin, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
            boolean[][] out = new boolean[m.getHeight()][m.getWidth()];
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    out[y][x] = m.get(x, y);
                }
            }
            return out;
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot make a QR code of " + text.length() + " characters: " + e.getMessage(), e);
        }
    }

    /** The code as terminal text. */
    public static String text(String text) {
        boolean[][] m = modules(text, 2);
        StringBuilder b = new StringBuilder();
        for (int y = 0; y < m.length; y += 2) {
            for (int x = 0; x < m[y].length; x++) {
                boolean top = !m[y][x];
                boolean bottom = y + 1 < m.length && !m[y + 1][x];
                b.append(top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ');
            }
            b.append('\n');
        }
        return b.toString();
    }
}
