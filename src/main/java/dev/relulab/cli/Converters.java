package dev.relulab.cli;

import dev.relulab.data.FunctionTarget;
import dev.relulab.engine.EngineKind;
import dev.relulab.nn.Activation;
import dev.relulab.nn.Initializer;
import dev.relulab.nn.Optimizer;
import dev.relulab.train.Shard;
import picocli.CommandLine.ITypeConverter;

/** picocli converters for the model's types; their messages name the allowed values. */
final class Converters {
    private Converters() {}

    /** Turns the model's IllegalArgumentException into picocli's, whose message is shown as it is. */
    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.TypeConversionException(e.getMessage());
        }
    }

    static final class ActivationConverter implements ITypeConverter<Activation> {
        @Override public Activation convert(String v) { return parse(() -> Activation.parse(v)); }
    }

    static final class InitializerConverter implements ITypeConverter<Initializer> {
        @Override public Initializer convert(String v) { return parse(() -> Initializer.parse(v)); }
    }

    static final class OptimizerConverter implements ITypeConverter<Optimizer.Kind> {
        @Override public Optimizer.Kind convert(String v) { return parse(() -> Optimizer.parseKind(v)); }
    }

    static final class TargetConverter implements ITypeConverter<FunctionTarget> {
        @Override public FunctionTarget convert(String v) { return parse(() -> FunctionTarget.parse(v)); }
    }

    static final class EngineKindConverter implements ITypeConverter<EngineKind> {
        @Override public EngineKind convert(String v) { return parse(() -> EngineKind.parse(v)); }
    }

    static final class ShardConverter implements ITypeConverter<Shard> {
        @Override public Shard convert(String v) { return parse(() -> Shard.parse(v)); }
    }
}
