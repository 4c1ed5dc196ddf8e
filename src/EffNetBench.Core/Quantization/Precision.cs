namespace EffNetBench.Core.Quantization;

/// <summary>The numeric precision a model runs in (`--precision`). Names on the command line and in files:
/// "fp32", "fp16", "int8" (static, QDQ), "int8-dynamic" (weight-only).</summary>
public enum Precision
{
    Fp32,
    Fp16,
    Int8,
    Int8Dynamic,
}
