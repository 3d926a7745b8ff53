package io.tideline.platform.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.hooks.weaving.WeavingException;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.hooks.weaving.WovenClass;

/**
 * Rewrites plugin classes as the framework defines them, so that no plugin can end the process
 * and a plugin's activator can be stopped when it does not finish starting:
 * <ul>
 * <li>{@code System.exit(n)}, {@code Runtime.exit(n)} and {@code Runtime.halt(n)} become calls
 * to {@link io.tideline.platform.guard.PluginGuard}, which throws a {@code SecurityException}
 * naming the plugin;</li>
 * <li>in the class named by the plugin's {@code Bundle-Activator} (and its nested classes and
 * lambdas), every backward jump, the turn of a loop, first calls
 * {@link io.tideline.platform.guard.PluginGuard#checkpoint}, which throws once that start has
 * been cancelled for overrunning its time limit ({@link DeployStarter}).</li>
 * </ul>
 * A plugin is every bundle except the system bundle and those the launcher installed from the
 * distribution's {@code bundles/} folder. Calls made through reflection, method handles or
 * method references ({@code System::exit}) are not rewritten: see docs/plugin-safety.md.
 *
 * <p>Registered by {@link PlatformActivator} before FileInstall starts, so no class of a
 * {@code deploy/} jar is defined unwoven. Thread-safe (no state besides configuration).
 */
final class PluginWeaver implements WeavingHook {

    /** The package woven classes import dynamically to reach the guard. */
    static final String GUARD_PACKAGE = "io.tideline.platform.guard";
    private static final String GUARD = "io/tideline/platform/guard/PluginGuard";
    private static final byte[] SYSTEM = "java/lang/System".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RUNTIME = "java/lang/Runtime".getBytes(StandardCharsets.US_ASCII);

    private final Path distributionBundles;

    /** @param distributionBundles the launcher's bundles folder (never woven), or null if unknown */
    PluginWeaver(Path distributionBundles) {
        this.distributionBundles = distributionBundles == null ? null : distributionBundles.toAbsolutePath().normalize();
    }

    @Override
    public void weave(WovenClass woven) {
        Bundle bundle = woven.getBundleWiring().getBundle();
        if (!isPlugin(bundle)) {
            return;
        }
        String activator = bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATOR);
        String name = woven.getClassName();
        boolean checkpoints = activator != null
                && (name.equals(activator.strip()) || name.startsWith(activator.strip() + "$"));
        byte[] bytes = woven.getBytes();
        if (!checkpoints && !mentions(bytes, SYSTEM) && !mentions(bytes, RUNTIME)) {
            return; // the common case: nothing to rewrite, no parse
        }
        String plugin = bundle.getSymbolicName() + " " + bundle.getVersion();
        byte[] rewritten;
        try {
            rewritten = rewrite(bytes, plugin, checkpoints);
        } catch (RuntimeException e) {
            // Fail closed: a class we cannot read is not loaded unchecked.
            throw new WeavingException("Tideline could not check class " + name + " of plugin " + plugin
                    + " for calls that end the process: " + e.getMessage(), e);
        }
        if (rewritten != null) {
            woven.setBytes(rewritten);
            woven.getDynamicImports().add(GUARD_PACKAGE);
        }
    }

    /** Whether a bundle is a plugin, i.e. not the framework and not one of the distribution's own. */
    boolean isPlugin(Bundle bundle) {
        if (bundle.getBundleId() == 0) {
            return false;
        }
        String location = bundle.getLocation();
        if (distributionBundles != null && location != null && location.startsWith("reference:file:")) {
            try {
                Path file = Path.of(URI.create(location.substring("reference:".length()))).toAbsolutePath().normalize();
                return !file.startsWith(distributionBundles);
            } catch (IllegalArgumentException e) {
                return true;
            }
        }
        return true;
    }

    /**
     * The class with its exit calls redirected and, if asked, a checkpoint before every backward
     * jump; null when nothing needed rewriting.
     */
    static byte[] rewrite(byte[] classBytes, String plugin, boolean checkpoints) {
        ClassReader reader = new ClassReader(classBytes);
        // COMPUTE_MAXS only: the rewrites add no branch targets, so the existing stack map frames
        // stay valid, and no class needs loading to compute new ones.
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                return new Rewriter(next, plugin, checkpoints, changed);
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : null;
    }

    /** Whether the class file's bytes contain {@code text} (a constant-pool name), a cheap pre-check. */
    static boolean mentions(byte[] bytes, byte[] text) {
        outer:
        for (int i = 0, end = bytes.length - text.length; i <= end; i++) {
            for (int j = 0; j < text.length; j++) {
                if (bytes[i + j] != text[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static final class Rewriter extends MethodVisitor {

        private final String plugin;
        private final boolean checkpoints;
        private final boolean[] changed;
        /** Labels already passed: a jump to one of them goes backward, i.e. closes a loop. */
        private final Set<Label> passed = new HashSet<>();

        Rewriter(MethodVisitor next, String plugin, boolean checkpoints, boolean[] changed) {
            super(Opcodes.ASM9, next);
            this.plugin = plugin;
            this.checkpoints = checkpoints;
            this.changed = changed;
        }

        @Override
        public void visitLabel(Label label) {
            passed.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (checkpoints && passed.contains(label)) {
                super.visitLdcInsn(plugin);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "checkpoint", "(Ljava/lang/String;)V", false);
                changed[0] = true;
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && "java/lang/System".equals(owner) && "exit".equals(name)
                    && "(I)V".equals(descriptor)) {
                super.visitLdcInsn(plugin);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "exit", "(ILjava/lang/String;)V", false);
                changed[0] = true;
            } else if (opcode == Opcodes.INVOKEVIRTUAL && "java/lang/Runtime".equals(owner)
                    && ("exit".equals(name) || "halt".equals(name)) && "(I)V".equals(descriptor)) {
                // Same stack shape: the Runtime and the status stay where they were, the name is added.
                super.visitLdcInsn(plugin);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, name, "(Ljava/lang/Runtime;ILjava/lang/String;)V",
                        false);
                changed[0] = true;
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }
    }
}
