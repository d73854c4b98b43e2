package dev.tandem.engine.internal.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.ServiceLoader;

/**
 * The operating system's own cryptography library, where it has one to hand: NSS (the library
 * Firefox and Chromium bring to every Linux desktop) through the JDK's PKCS#11 provider, for
 * AES-GCM and SHA-256 over files: attachments and backups past {@link #BULK_BYTES}.
 *
 * <p>Why. The command line's launcher runs C1 only (docs/PERFORMANCE.md, "Which runtime, which
 * JIT"), and C1 has no intrinsic for either: the JDK's AES-GCM runs there as plain Java at about 38
 * MB/s and SHA-256 at about 144 MB/s. NSS runs both on the processor's AES and SHA instructions at
 * about 900 MB/s and 1 GB/s whatever the JIT, and the JDK's PKCS#11 provider is the JDK's own door to
 * it, so no native code comes with the app. Where C2 runs, its intrinsics are faster still, so files
 * go through NSS only where it does not ({@link #forFiles()}). Loading NSS costs a few tenths of a
 * second at most, once per process and only when a stream first passes {@link #BULK_BYTES}: a process
 * that moves no large file never pays it.
 *
 * <p>Invariants. The provider is never added to the JDK's list of providers: only the callers that
 * ask for it here see it, not TLS, not the AWS SDK, not a {@code getInstance} without a provider. It
 * is handed out only after a self-test at load found it sealing, opening and hashing byte for byte as
 * the JDK does and refusing a forged tag; anything that goes wrong while loading leaves the JDK's own
 * implementation in use, and what it was is logged. The library is looked for only in the system's
 * library folders, never in a path from the environment, the profile or a remote. {@code
 * -Dtandem.systemCrypto=false} keeps the JDK's implementation everywhere, and is read at load.
 */
public final class SystemCrypto {
    /**
     * A stream this long (or a file this large) is worth the library's load: about the bytes the JDK's AES-GCM
     * seals in the interpreter and C1 while NSS loads.
     */
    public static final long BULK_BYTES = 1L << 20;

    private static final System.Logger LOG = System.getLogger(SystemCrypto.class.getName());
    /** Where Debian and Ubuntu, Fedora and openSUSE, and Arch put NSS. */
    private static final List<String> FOLDERS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/usr/lib64", "/usr/lib");

    private SystemCrypto() {
    }

    /** NSS's provider, or empty where there is none that passed the self-test. */
    public static Optional<Provider> provider() {
        return Holder.PROVIDER;
    }

    /**
     * The provider for a file's bytes: NSS's where this JVM runs without C2, else empty (the JDK's). C2's
     * intrinsics run the JDK's AES-GCM and SHA-256 at 4.5 and 1.6 GB/s once warm, faster than NSS; C1 and the
     * interpreter run them as plain Java. {@code -Dtandem.systemCrypto=true} takes NSS whatever the JIT (tests,
     * measurements), {@code false} never.
     */
    public static Optional<Provider> forFiles() {
        String chosen = System.getProperty("tandem.systemCrypto", "");
        if (chosen.equals("false") || !chosen.equals("true") && !withoutC2()) {
            return Optional.empty();
        }
        return provider();
    }

    /** Whether only C1 or the interpreter runs here: HotSpot says so in {@code java.vm.info}. */
    static boolean withoutC2() {
        String info = System.getProperty("java.vm.info", "");
        return info.contains("emulated-client") || info.contains("interpreted mode");
    }

    /** SHA-256 for about {@code bytes} bytes: past {@link #BULK_BYTES}, {@link #forFiles()}'s, else the JDK's. */
    public static MessageDigest sha256(long bytes) {
        try {
            Optional<Provider> p = bytes >= BULK_BYTES ? forFiles() : Optional.empty();
            return p.isPresent() ? MessageDigest.getInstance("SHA-256", p.get()) : MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Loaded on first use, once per process. */
    private static final class Holder {
        static final Optional<Provider> PROVIDER = load();
    }

    private static Optional<Provider> load() {
        if ("false".equals(System.getProperty("tandem.systemCrypto"))
                || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.empty();
        }
        Optional<Path> folder = FOLDERS.stream().map(Path::of)
                .filter(f -> Files.isRegularFile(f.resolve("libnss3.so")) && Files.isRegularFile(f.resolve("libsoftokn3.so")))
                .findFirst();
        // From the JDK's own modules, by type: Security.getProvider would instantiate every provider on the class
        // path on its way (Bouncy Castle's among them, a signed jar to verify: a third of a second under C1).
        Provider base = ServiceLoader.load(ModuleLayer.boot(), Provider.class).stream()
                .filter(p -> p.type().getName().equals("sun.security.pkcs11.SunPKCS11"))
                .map(ServiceLoader.Provider::get).findFirst().orElse(null);
        if (folder.isEmpty() || base == null) {
            LOG.log(System.Logger.Level.DEBUG, "No NSS library or no PKCS#11 provider: files go through the JDK's AES-GCM");
            return Optional.empty();
        }
        try {
            Provider nss = base.configure("--name=Tandem\nnssLibraryDirectory=" + folder.get() + "\nnssDbMode=noDb\n");
            String failed = selfTest(nss);
            if (failed != null) {
                LOG.log(System.Logger.Level.WARNING, "NSS in " + folder.get() + " " + failed + "; files go through the JDK's"
                        + " AES-GCM");
                return Optional.empty();
            }
            return Optional.of(nss);
        } catch (RuntimeException | LinkageError e) {
            // A ProviderException or an UnsatisfiedLinkError from an NSS the JDK cannot drive: the JDK's own stays.
            LOG.log(System.Logger.Level.WARNING, "NSS in " + folder.get() + " did not load; files go through the JDK's AES-GCM",
                    e);
            return Optional.empty();
        }
    }

    /** Null when {@code nss} seals, opens, refuses and hashes as the JDK does; else what it did wrong. */
    static String selfTest(Provider nss) {
        // Test data, not secrets: a seeded generator, which costs nothing to start.
        Random random = new Random(System.nanoTime());
        byte[] key = new byte[Aead.KEY_LENGTH];
        byte[] nonce = new byte[Aead.NONCE_LENGTH];
        byte[] aad = new byte[37];
        byte[] plain = new byte[1000];
        random.nextBytes(key);
        random.nextBytes(nonce);
        random.nextBytes(aad);
        random.nextBytes(plain);
        Aead jdk = new Aead();
        Aead system = new Aead(nss);
        byte[] expected = new byte[plain.length + Aead.TAG_LENGTH];
        jdk.seal(key, nonce, aad, plain, 0, plain.length, expected, 0);
        byte[] sealed = new byte[expected.length];
        if (system.seal(key, nonce, aad, plain, 0, plain.length, sealed, 0) != sealed.length || !Arrays.equals(expected, sealed)) {
            return "seals AES-GCM differently from the JDK";
        }
        byte[] opened = new byte[plain.length];
        if (system.open(key, nonce, aad, expected, 0, expected.length, opened, 0) != plain.length
                || !Arrays.equals(plain, opened)) {
            return "does not open the JDK's AES-GCM";
        }
        expected[expected.length - 1] ^= 1;
        if (system.open(key, nonce, aad, expected, 0, expected.length, opened, 0) >= 0) {
            return "accepts a forged tag";
        }
        try {
            if (!Arrays.equals(MessageDigest.getInstance("SHA-256").digest(plain),
                    MessageDigest.getInstance("SHA-256", nss).digest(plain))) {
                return "hashes SHA-256 differently from the JDK";
            }
        } catch (GeneralSecurityException e) {
            return "has no SHA-256 (" + e + ")";
        }
        return null;
    }
}
