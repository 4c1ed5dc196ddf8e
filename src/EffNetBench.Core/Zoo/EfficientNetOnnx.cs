using System.Globalization;
using EffNetBench.Core.OnnxModels;
using Google.Protobuf;
using Onnx;

namespace EffNetBench.Core.Zoo;

/// <summary>Builds zoo models as ONNX and writes them to disk.</summary>
public static class EfficientNetOnnx
{
    public const string MetadataPrefix = "effnet_bench.";

    public static ModelProto Build(VariantSpec spec, ExportOptions options) =>
        Build(ArchitectureBuilder.Build(spec, options.Resolution), options);

    public static ModelProto Build(EfficientNetArchitecture arch, ExportOptions options)
    {
        if (options.Batch is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Batch, "batch must be positive");
        }

        ModelProto model = OnnxModelFile.Create(EfficientNetGraphWriter.Write(arch, options), ExportOptions.Opset);
        model.Domain = "ai.effnet-bench.zoo";
        model.ModelVersion = 1;
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
