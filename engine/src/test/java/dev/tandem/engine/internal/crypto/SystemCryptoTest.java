package dev.tandem.engine.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.Key;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.CipherSpi;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The system library's AES-GCM and SHA-256: on a Linux machine with NSS (every CI machine: Chromium brings it) it is
 * found and agrees with the JDK; a library that would seal other bytes or take a forged tag is never used.
 */
@Tag("process")
class SystemCryptoTest {

    @Test
    void provider_onLinuxWithNss_isFoundAndAgreesWithTheJdk() throws Exception {
        boolean nss = Files.isRegularFile(Path.of("/usr/lib/x86_64-linux-gnu/libsoftokn3.so"))
                || Files.isRegularFile(Path.of("/usr/lib64/libsoftokn3.so"));
        assumeTrue(nss || "true".equals(System.getenv("CI")), "no NSS on this machine");
        Provider p = SystemCrypto.provider().orElseThrow(() -> new AssertionError("NSS is installed but was not used"));
        assertNull(SystemCrypto.selfTest(p));

        Random random = new Random(3);
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        for (int length : new int[] {0, 1, 15, 16, 17, 4095, 65536}) {
            random.nextBytes(key);
            random.nextBytes(nonce);
            byte[] plain = new byte[length];
            random.nextBytes(plain);
            byte[] aad = new byte[length % 50];
            random.nextBytes(aad);
            byte[] jdk = new byte[length + Aead.TAG_LENGTH];
            byte[] system = new byte[length + Aead.TAG_LENGTH];
            new Aead().seal(key, nonce, aad, plain, 0, length, jdk, 0);
            new Aead(p).seal(key, nonce, aad, plain, 0, length, system, 0);
            assertArrayEquals(jdk, system, length + " bytes");
            byte[] back = new byte[length];
            assertEquals(length, new Aead(p).open(key, nonce, aad, jdk, 0, jdk.length, back, 0));
            assertArrayEquals(plain, back);
            jdk[random.nextInt(jdk.length)] ^= (byte) (1 << random.nextInt(8));
            assertEquals(-1, new Aead(p).open(key, nonce, aad, jdk, 0, jdk.length, back, 0), "a forged " + length);
        }
    }

    @Test
    void forFiles_underC2_isTheJdksAndUnderC1Only_isTheSystemLibrary() throws Exception {
        assumeTrue(SystemCrypto.provider().isPresent(), "no system library here");
        assertFalse(SystemCrypto.withoutC2(), "this test JVM runs the full JIT");
        assertTrue(SystemCrypto.forFiles().isEmpty(), "C2's intrinsics beat NSS: files keep the JDK's");
        assertEquals(SystemCrypto.provider().get().getName(), probe("-XX:TieredStopAtLevel=1"));
        assertEquals("jdk", probe("-XX:TieredStopAtLevel=4"));
        assertEquals("jdk", probe("-XX:TieredStopAtLevel=1", "-Dtandem.systemCrypto=false"));
    }

    /** What {@link SystemCrypto#forFiles()} gives in a new JVM started with {@code options}. */
    private static String probe(String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out.lines().reduce((a, b) -> b).orElse("");
    }

    /** Prints whose AES-GCM and SHA-256 this JVM gives files. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println(SystemCrypto.forFiles().map(Provider::getName).orElse("jdk"));
        }
    }

    @Test
    void sha256_aFileOrASmallThing_systemLibraryOnlyForTheFile() throws Exception {
        assumeTrue(SystemCrypto.provider().isPresent(), "no system library here");
        MessageDigest small = SystemCryptoAskedFor.call(() -> SystemCrypto.sha256(SystemCrypto.BULK_BYTES - 1));
        MessageDigest large = SystemCryptoAskedFor.call(() -> SystemCrypto.sha256(SystemCrypto.BULK_BYTES));

        assertNotEquals(SystemCrypto.provider().get(), small.getProvider());
        assertEquals(SystemCrypto.provider().get(), large.getProvider());
        byte[] bytes = new byte[300_000];
        new Random(5).nextBytes(bytes);
        assertArrayEquals(small.digest(bytes), large.digest(bytes));
    }

    @Test
    void selfTest_aLibraryThatSealsOtherBytes_isRefused() {
        assertEquals("seals AES-GCM differently from the JDK", SystemCrypto.selfTest(new Lying(FlipsABit.class)));
    }

    @Test
    void selfTest_aLibraryThatTakesAForgedTag_isRefused() {
        assertEquals("accepts a forged tag", SystemCrypto.selfTest(new Lying(IgnoresTheTag.class)));
    }

    @Test
    void selfTest_theJdkItself_passes() {
        assertNull(SystemCrypto.selfTest(new Lying(Honest.class)));
    }

    /** A provider whose AES-GCM is {@code spi}, and whose SHA-256 is the JDK's. */
    private static final class Lying extends Provider {
        Lying(Class<? extends CipherSpi> spi) {
            super("Lying" + spi.getSimpleName(), "1", "a test's AES-GCM");
            put("Cipher.AES/GCM/NoPadding", spi.getName());
            put("MessageDigest.SHA-256", "sun.security.provider.SHA2$SHA256");
        }
    }

    /** The JDK's AES-GCM, through a provider of the test's own. */
    public static class Honest extends CipherSpi {
        final Cipher jdk;
        int mode;

        public Honest() throws Exception {
            jdk = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        }

        byte[] last(byte[] out) {
            return out;
        }

        @Override
        protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random)
                throws java.security.InvalidKeyException, java.security.InvalidAlgorithmParameterException {
            mode = opmode;
            jdk.init(opmode, key, params, random);
        }

        @Override
        protected void engineUpdateAAD(byte[] src, int offset, int len) {
            jdk.updateAAD(src, offset, len);
        }

        @Override
        protected int engineDoFinal(byte[] in, int off, int len, byte[] out, int outOff)
                throws javax.crypto.ShortBufferException, javax.crypto.IllegalBlockSizeException,
                javax.crypto.BadPaddingException {
            byte[] r = last(jdk.doFinal(in, off, len));
            System.arraycopy(r, 0, out, outOff, r.length);
            return r.length;
        }

        @Override
        protected byte[] engineDoFinal(byte[] in, int off, int len) throws javax.crypto.IllegalBlockSizeException,
                javax.crypto.BadPaddingException {
            return last(jdk.doFinal(in, off, len));
        }

        @Override
        protected void engineSetMode(String m) {
        }

        @Override
        protected void engineSetPadding(String p) {
        }

        @Override
        protected int engineGetBlockSize() {
            return 16;
        }

        @Override
        protected int engineGetOutputSize(int len) {
            return jdk.getOutputSize(len);
        }

        @Override
        protected byte[] engineGetIV() {
            return jdk.getIV();
        }

        @Override
        protected AlgorithmParameters engineGetParameters() {
            return jdk.getParameters();
        }

        @Override
        protected void engineInit(int opmode, Key key, SecureRandom random) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void engineInit(int opmode, Key key, AlgorithmParameters params, SecureRandom random) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected byte[] engineUpdate(byte[] in, int off, int len) {
            return jdk.update(in, off, len);
        }

        @Override
        protected int engineUpdate(byte[] in, int off, int len, byte[] out, int outOff) throws javax.crypto.ShortBufferException {
            return jdk.update(in, off, len, out, outOff);
        }
    }

    /** Seals with one bit of the ciphertext flipped. */
    public static class FlipsABit extends Honest {
        public FlipsABit() throws Exception {
        }

        @Override
        byte[] last(byte[] out) {
            if (mode == Cipher.ENCRYPT_MODE && out.length > 0) {
                out[0] ^= 1;
            }
            return out;
        }
    }

    /** Opens by running the counter mode alone, whatever the tag says. */
    public static class IgnoresTheTag extends Honest {
        private Key key;
        private byte[] nonce;

        public IgnoresTheTag() throws Exception {
        }

        @Override
        protected void engineInit(int opmode, Key key, AlgorithmParameterSpec params, SecureRandom random)
                throws java.security.InvalidKeyException, java.security.InvalidAlgorithmParameterException {
            super.engineInit(opmode, key, params, random);
            this.key = key;
            this.nonce = ((GCMParameterSpec) params).getIV();
        }

        @Override
        protected byte[] engineDoFinal(byte[] in, int off, int len) throws javax.crypto.IllegalBlockSizeException,
                javax.crypto.BadPaddingException {
            if (mode == Cipher.ENCRYPT_MODE) {
                return super.engineDoFinal(in, off, len);
            }
            try {
                byte[] counter = new byte[16];
                System.arraycopy(nonce, 0, counter, 0, 12);
                counter[15] = 2;
                Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
                ctr.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.getEncoded(), "AES"), new IvParameterSpec(counter));
                return ctr.doFinal(in, off, len - 16);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected int engineDoFinal(byte[] in, int off, int len, byte[] out, int outOff)
                throws javax.crypto.ShortBufferException, javax.crypto.IllegalBlockSizeException,
                javax.crypto.BadPaddingException {
            byte[] r = engineDoFinal(in, off, len);
            System.arraycopy(r, 0, out, outOff, r.length);
            return r.length;
        }
    }
}
