using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Imaging;
using EffNetBench.Core.OnnxModels;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Core.Evaluation;

/// <summary>The model eval runs: an ONNX file, or a zoo variant generated into the model cache.</summary>
/// <param name="Path">The .onnx file to run (full path).</param>
/// <param name="Name">A zoo variant's name, or the file name without extension.</param>
/// <param name="SyntheticWeights">True for a zoo variant: its accuracy is chance level and says nothing.</param>
/// <param name="Preprocessing">The variant's own transform, or <see cref="Imaging.Preprocessing.ImageNetDefault"/> for a file.</param>
/// <param name="IsFile">An ONNX file, whose input size (when fixed) decides the resolution unless the user sets one.</param>
public sealed record EvaluatedModel(string Path, string Name, bool SyntheticWeights, Preprocessing Preprocessing, bool IsFile)
{
    /// <summary>An existing file is taken as an ONNX model; otherwise a name not ending in .onnx is looked up in the
    /// zoo and its model generated (once) into <paramref name="cacheDirectory"/> or the platform's model cache.</summary>
    /// <exception cref="ModelLoadException">Neither an existing file nor a zoo variant.</exception>
    public static EvaluatedModel Resolve(string model, string? cacheDirectory, ulong seed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        if (Directory.Exists(model))
        {
            throw new ModelLoadException(System.IO.Path.GetFullPath(model),
                $"MODEL '{model}' is a folder, not an ONNX file: pass an .onnx file or a zoo variant name (see 'effnet-bench models')", kind: ErrorKind.Usage);
        }

        if (File.Exists(model))
        {
            string path = System.IO.Path.GetFullPath(model);
            return new EvaluatedModel(path, System.IO.Path.GetFileNameWithoutExtension(path), false, Preprocessing.ImageNetDefault(), true);
        }

        if (!model.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) && ZooCatalog.TryFind(model, out ZooVariant variant))
        {
            (string path, _) = ModelCache.ForPlatform(cacheDirectory).GetOrCreate(ArchitectureBuilder.Build(variant.Spec), batch: null, seed);
            return new EvaluatedModel(path, variant.Name, true, Preprocessing.ForZooVariant(variant.Name), false);
        }

        throw new ModelLoadException(System.IO.Path.GetFullPath(model),
            $"MODEL '{model}' not found: pass an existing .onnx file or a zoo variant name (see 'effnet-bench models')", kind: ErrorKind.Usage);
    }
}
