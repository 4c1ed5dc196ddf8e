namespace EffNetBench.Core.Evaluation.Leakage;

/// <summary>What is known of one image: the SHA-256 of its bytes (null when the file cannot be read) and its
/// perceptual hash (null when it cannot be decoded or has no detail).</summary>
internal readonly record struct ImageHashes(string? Sha256, ulong? Phash);
