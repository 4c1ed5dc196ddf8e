namespace EffNetBench.Core.Results;

/// <summary>
/// What an end-to-end case (`run --end-to-end IMAGE`) measured: one encoded image to class scores at batch 1, through a
/// preprocessing graph (DecodeImage, Resize, crop, normalise, layout) composed in front of the model.
/// </summary>
/// <param name="Image">Full path of the image whose bytes were fed, preloaded, to every inference.</param>
/// <param name="ImageBytes">Size of the encoded file; null when it could not be read.</param>
/// <param name="DecodedWidth">Width DecodeImage produced; null when the case was not measured.</param>
/// <param name="DecodedHeight">Height DecodeImage produced; null when the case was not measured.</param>
/// <param name="ModelCaseId">The model-only case of the same model, provider and threads (the inference part).</param>
/// <param name="Preprocessing">The transform in the graph, e.g. "resize 256 bicubic, crop 224, (x/255 - mean ...) / std ..., rgb nchw".</param>
/// <param name="ModelMedianMs">Median latency of <paramref name="ModelCaseId"/> in the same run; null when it was not measured.</param>
/// <param name="PreprocessingMs">End-to-end median minus <paramref name="ModelMedianMs"/>: what decoding and preprocessing
/// add. Can be slightly negative when preprocessing costs less than the medians' noise; null without both medians.</param>
/// <param name="PreprocessingShare"><paramref name="PreprocessingMs"/> / end-to-end median, clamped to [0, 1].</param>
/// <param name="PreprocessingAloneMs">Median of the preprocessing graph alone (decode to input tensor), timed right after
/// the end-to-end case with the same session options: a direct figure, where <paramref name="PreprocessingMs"/> is a
/// difference of two medians measured in turn and carries both medians' drift. Null when not measured.</param>
/// <param name="PreprocessingAloneSamples">Individual runs behind <paramref name="PreprocessingAloneMs"/>.</param>
/// <param name="PreprocessingAloneShare"><paramref name="PreprocessingAloneMs"/> / end-to-end median, clamped to [0, 1].</param>
/// <param name="ImageSha256">SHA-256 of the encoded image, hex: end-to-end cases of different images are different
/// cases for compare and history. Null in files from before it was recorded, or when the image could not be read.</param>
public sealed record EndToEndInfo(
    string Image,
    long? ImageBytes,
    int? DecodedWidth,
    int? DecodedHeight,
    string ModelCaseId,
    string? Preprocessing,
    double? ModelMedianMs,
    double? PreprocessingMs,
    double? PreprocessingShare,
    string? ImageSha256 = null,
    double? PreprocessingAloneMs = null,
    int? PreprocessingAloneSamples = null,
    double? PreprocessingAloneShare = null)
{
    /// <summary>Hex SHA-256 of <paramref name="bytes"/>, as <see cref="ImageSha256"/> holds it.</summary>
    public static string? Sha256(byte[]? bytes) =>
        bytes is null ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
