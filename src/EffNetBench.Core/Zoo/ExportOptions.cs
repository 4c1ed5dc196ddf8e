namespace EffNetBench.Core.Zoo;

/// <param name="Batch">A fixed batch size, or null for a symbolic "batch" dimension.</param>
/// <param name="Resolution">Overrides the variant's native input resolution.</param>
/// <param name="Seed">Seed of the synthetic weights: same seed, same bytes.</param>
/// <param name="ExposeBlockOutputs">Also output every block's activations (for checking their magnitude).</param>
/// <param name="StructureOnly">Initializers carry dims but no data: for counting, never for running.</param>
public sealed record ExportOptions(
    int? Batch = 1,
    int? Resolution = null,
    ulong Seed = ExportOptions.DefaultSeed,
    BatchNormMode BatchNorm = BatchNormMode.Fold,
    bool ExposeBlockOutputs = false,
    bool StructureOnly = false)
{
    public const ulong DefaultSeed = 20190528; // the EfficientNet paper's arXiv date
    public const int Opset = 17;
    public const string InputName = "input";
    public const string OutputName = "logits";
    public const string BatchDimension = "batch";
}
