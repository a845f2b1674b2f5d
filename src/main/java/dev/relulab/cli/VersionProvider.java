package dev.relulab.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, or "dev" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    /** The library version as built, for summaries and {@code --version}. */
    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The commit relulab was built from (the manifest's Git-Commit), or null when unknown. */
    public static String gitCommit() {
        try (var in = VersionProvider.class.getResourceAsStream("/relulab-build.properties")) {
            if (in == null) return null;
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            String c = p.getProperty("git.commit.id", "").trim();
            return c.isEmpty() || c.startsWith("${") ? null : c;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"relulab " + version()};
    }
}
