package dev.tandem.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The app's jars as the launcher uses them: on the class path. jdeps analyses a jar that contains a
 * module-info.class as a module and then insists on resolving its requires (the engine requires the AWS SDK, whose
 * jars are not modules), so it gets copies of those jars without their module descriptors.
 */
final class ClassPathJars {
    private ClassPathJars() {
    }

    /** The jars, with each modular one replaced by a copy in {@code dir} that has no module descriptor. */
    static List<Path> of(List<Path> jars, Path dir) {
        FileOps.deleteTree(dir);
        List<Path> result = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Path jar : jars) {
                boolean modular;
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    modular = zip.stream().anyMatch(e -> isModuleDescriptor(e.getName()));
                }
                if (!modular) {
                    result.add(jar);
                    continue;
                }
                Path copy = dir.resolve(jar.getFileName());
                try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                     ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
                    for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                        if (!isModuleDescriptor(entry.getName())) {
                            out.putNextEntry(new ZipEntry(entry.getName()));
                            in.transferTo(out);
                            out.closeEntry();
                        }
                    }
                }
                result.add(copy);
            }
        } catch (IOException e) {
            throw new Failure("cannot prepare the jars for jdeps in " + dir + ": " + e);
        }
        return result;
    }

    /** Multi-release jars can carry their descriptor under META-INF/versions/N/ only. */
    private static boolean isModuleDescriptor(String entryName) {
        return entryName.equals("module-info.class")
                || (entryName.startsWith("META-INF/versions/") && entryName.endsWith("/module-info.class"));
    }
}
