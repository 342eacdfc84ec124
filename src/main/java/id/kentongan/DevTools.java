package id.kentongan;

import id.kentongan.smpp.EmbeddedSmsc;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * What a build with the developer tools adds: the SMSC simulator behind the embedded default, and the commands
 * {@code dial}, {@code pay}, {@code loadtest}, {@code smsc-sim}, {@code bench-*}. Looked up with {@link ServiceLoader}
 * (declared in {@code META-INF/services}) so that no production class names the {@code tools} package.
 */
public interface DevTools {
    EmbeddedSmsc.Factory smsc();

    /** picocli command objects, added to {@code kentongan}'s sub-commands. */
    List<Object> commands();

    static Optional<DevTools> find() {
        return ServiceLoader.load(DevTools.class).findFirst();
    }
}
