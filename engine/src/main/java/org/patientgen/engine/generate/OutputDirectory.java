package org.patientgen.engine.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.patientgen.engine.export.Exporter;
import org.patientgen.engine.export.PatientChunk;

/**
 * The output of one generation run, written by a single thread into a hidden temporary sibling
 * of the target directory and moved into place only when complete, so readers never see half a
 * population and a failed run leaves nothing behind. Tracks per-file byte counts and SHA-256.
 */
final class OutputDirectory implements AutoCloseable {
    /** Size, checksum and resource/row count of one written file. */
    record FileInfo(long bytes, String sha256) {
    }

    private static final class OpenFile {
        final MessageDigest digest;
        final OutputStream out;
        long bytes;

        OpenFile(Path path) throws IOException {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
            out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), digest);
        }

        void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }
    }

    private final Path target;
    private final Path temp;
    private final Map<String, OpenFile> open = new LinkedHashMap<>();
    private final Map<String, FileInfo> finished = new TreeMap<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private boolean committed;

    private OutputDirectory(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /**
     * Checks, without writing anything, that {@code target} can be produced: absent or an empty
     * directory, and its nearest existing ancestor a writable directory.
     *
     * @throws IOException with a message naming the directory and the problem
     */
    static void checkTarget(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            if (!Files.isDirectory(absolute)) {
                throw new IOException(target + " is a file, not a directory");
            }
            try (Stream<Path> s = Files.list(absolute)) {
                if (s.findAny().isPresent()) {
                    throw new IOException(target + " is not empty; choose a new directory");
                }
            }
        }
        Path existing = absolute.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new IOException(target + " cannot be created: " + existing + " is not a writable directory");
        }
    }

    /**
     * Checks the target ({@link #checkTarget}) and creates the temporary directory beside it.
     *
     * @throws IOException with a message naming the directory and the problem
     */
    static OutputDirectory create(Path target) throws IOException {
        checkTarget(target);
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IOException("cannot create " + parent + ": " + reason(e), e);
        }
        Path temp;
        try {
            temp = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial-");
        } catch (IOException e) {
            throw new IOException("cannot write to " + parent + ": " + reason(e), e);
        }
        return new OutputDirectory(absolute, temp);
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    Path target() {
        return target;
    }

    /** Appends one patient's chunk: shared-file bytes (creating files with their header) and own files. */
    void write(PatientChunk chunk) throws IOException {
        for (Map.Entry<String, PatientChunk.Appended> e : chunk.appends().entrySet()) {
            OpenFile f = open.get(e.getKey());
            if (f == null) {
                f = openFile(e.getKey(), e.getValue().owner());
            }
            var bytes = e.getValue().bytes();
            bytes.writeTo(f.out);
            f.bytes += bytes.size();
        }
        for (Map.Entry<String, byte[]> e : chunk.files().entrySet()) {
            Path p = resolve(e.getKey());
            Files.write(p, e.getValue());
            finished.put(e.getKey(), new FileInfo(e.getValue().length, sha256(e.getValue())));
        }
        chunk.resourceCounts().forEach((k, v) -> counts.merge(k, v, Long::sum));
    }

    private OpenFile openFile(String relativePath, Exporter owner) throws IOException {
        OpenFile f = new OpenFile(resolve(relativePath));
        byte[] header = owner.fileHeader(relativePath);
        if (header != null) {
            f.write(header, 0, header.length);
        }
        open.put(relativePath, f);
        return f;
    }

    private Path resolve(String relativePath) throws IOException {
        Path p = temp.resolve(relativePath).normalize();
        if (!p.startsWith(temp)) {
            throw new IOException("export path escapes the output directory: " + relativePath);
        }
        Files.createDirectories(p.getParent());
        return p;
    }

    /** Closes all files; returns their sizes and checksums by relative path. */
    Map<String, FileInfo> closeFiles() throws IOException {
        for (Map.Entry<String, OpenFile> e : open.entrySet()) {
            OpenFile f = e.getValue();
            f.out.close();
            finished.put(e.getKey(), new FileInfo(f.bytes, HexFormat.of().formatHex(f.digest.digest())));
        }
        open.clear();
        return finished;
    }

    Map<String, Long> counts() {
        return counts;
    }

    void writeFile(String relativePath, byte[] content) throws IOException {
        Files.write(resolve(relativePath), content);
    }

    /** Moves the complete output into place. */
    void commit() throws IOException {
        if (Files.isDirectory(target)) {
            try {
                Files.delete(target); // verified empty in create(); a concurrent writer makes this fail
            } catch (DirectoryNotEmptyException e) {
                throw new IOException("output directory " + target + " was filled by someone else while generating", e);
            }
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("output directory " + target + " appeared while generating", e);
        }
        committed = true;
    }

    /** Deletes the temporary directory unless the output was committed. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        for (OpenFile f : open.values()) {
            try {
                f.out.close();
            } catch (IOException ignored) {
                // the directory is being discarded
            }
        }
        deleteTree(temp);
    }

    /**
     * Deletes the temporary directories that earlier runs into {@code target} left behind when
     * their process died (a crash or kill -9 skips {@link #close()}). Only for a caller that alone
     * may write to {@code target} now, such as the holder of a shard's lease: another writer's
     * temporary directory would be deleted under it.
     *
     * @return how many were deleted
     */
    static int discardAbandoned(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return 0;
        }
        String prefix = "." + absolute.getFileName() + ".partial-";
        List<Path> abandoned;
        try (Stream<Path> siblings = Files.list(parent)) {
            abandoned = siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
        for (Path dir : abandoned) {
            deleteTree(dir);
        }
        return abandoned.size();
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
