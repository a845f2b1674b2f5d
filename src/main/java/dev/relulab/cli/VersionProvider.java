package dev.relulab.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, or "dev" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    /** The library version as built, for summaries and {@code --version}. */
    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"relulab " + version()};
    }
}
