using System.Globalization;
using EffNetBench.Core.OnnxModels;
using Google.Protobuf;
using Onnx;

namespace EffNetBench.Core.Zoo;

/// <summary>Builds zoo models as ONNX and writes them to disk.</summary>
public static class EfficientNetOnnx
{
    public const string MetadataPrefix = "effnet_bench.";

    /// <summary>The version of what the generator writes. The model cache is keyed by it, not by the tool version (which
    /// changes with every commit), so a new build reuses the cached models; it is also each model's model_version, and
    /// its producer_version reads "zoo-format-N". Bump it whenever a change makes a zoo model's bytes differ (graph,
    /// weights, metadata): ZooFormatTests pins the SHA-256 of the b0 export to catch such a change.</summary>
    public const int FormatVersion = 1;

    /// <summary>The producer_version of every zoo model: the generator's format, not the tool version, so the same model
    /// is the same bytes whichever build made it.</summary>
    public static string ProducerVersion { get; } = "zoo-format-" + FormatVersion.ToString(CultureInfo.InvariantCulture);

    public static ModelProto Build(VariantSpec spec, ExportOptions options) =>
        Build(ArchitectureBuilder.Build(spec, options.Resolution), options);

    public static ModelProto Build(EfficientNetArchitecture arch, ExportOptions options)
    {
        if (options.Batch is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Batch, "batch must be positive");
        }

        ModelProto model = OnnxModelFile.Create(EfficientNetGraphWriter.Write(arch, options), ExportOptions.Opset);
        model.ProducerVersion = ProducerVersion;
        model.Domain = "ai.effnet-bench.zoo";
        model.ModelVersion = FormatVersion;
        model.DocString = $"{arch.Name}: EfficientNet architecture with deterministic synthetic weights (not trained; accuracy is meaningless).";
        ArchitectureCount count = ArchitectureCounter.Count(arch);
        AddMetadata(model, "variant", arch.Name);
        AddMetadata(model, "family", arch.Family.ToString());
        AddMetadata(model, "resolution", arch.Resolution.ToString(CultureInfo.InvariantCulture));
        AddMetadata(model, "batch", options.Batch?.ToString(CultureInfo.InvariantCulture) ?? ExportOptions.BatchDimension);
        AddMetadata(model, "seed", options.Seed.ToString(CultureInfo.InvariantCulture));
        AddMetadata(model, "batchnorm", options.BatchNorm.ToString().ToLowerInvariant());
        AddMetadata(model, "weights", "synthetic");
        AddMetadata(model, "trainable_params", count.TrainableParams.ToString(CultureInfo.InvariantCulture));
        return model;
    }

    /// <summary>Serialises to <paramref name="path"/> atomically, so a failed or killed write leaves no half model.</summary>
    public static void Save(ModelProto model, string path)
    {
        string full = Path.GetFullPath(path);
        string? directory = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        AtomicFile.Write(full, model.WriteTo);
    }

    private static void AddMetadata(ModelProto model, string key, string value) =>
        model.MetadataProps.Add(new StringStringEntryProto { Key = MetadataPrefix + key, Value = value });
}
