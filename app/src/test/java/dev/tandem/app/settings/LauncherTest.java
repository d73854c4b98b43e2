package dev.tandem.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class LauncherTest {
    @TempDir
    Path tmp;

    @Test
    void of_jpackageAppPathWithCliBeside_bothKnown() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("opt/tandem/bin"));
        Path cli = Files.createFile(bin.resolve("tandem-cli"));
        cli.toFile().setExecutable(true);
        Launcher l = Launcher.of(bin.resolve("Tandem").toString(), "").orElseThrow();
        assertEquals(bin.resolve("Tandem"), l.path());
        assertEquals(cli, l.cli());
    }

    @Test
    void of_checkoutClassPath_appTandemScript() throws Exception {
        Path app = Files.createDirectories(tmp.resolve("repo/app/target/classes")).getParent().getParent();
        Files.writeString(app.resolve("tandem"), "#!/bin/sh\n");
        Optional<Launcher> l = Launcher.of(null, "/x/y.jar" + File.pathSeparator + app.resolve("target/classes"));
        assertEquals(app.resolve("tandem"), l.orElseThrow().path());
        assertEquals(l.get().path(), l.get().cli());
    }

    @Test
    void of_bareClassPath_none() {
        assertTrue(Launcher.of("", "/x/y.jar" + File.pathSeparator + tmp.resolve("classes")).isEmpty());
    }
}
