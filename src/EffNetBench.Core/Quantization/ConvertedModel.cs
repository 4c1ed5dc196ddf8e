namespace EffNetBench.Core.Quantization;

/// <summary>A converted model in the model cache.</summary>
/// <param name="SourceSha256">SHA-256 of the fp32 model it was converted from.</param>
/// <param name="Report">The converter's report of the conversion that wrote the cached file.</param>
/// <param name="Converted">True when converted now; false when the cache already held it.</param>
public sealed record ConvertedModel(string Path, string SourceSha256, ConversionReport Report, bool Converted);
