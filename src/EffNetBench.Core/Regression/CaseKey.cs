using EffNetBench.Core.Results;

namespace EffNetBench.Core.Regression;

/// <summary>What makes two results the same case across runs: model name, resolution, provider, batch, threads and
/// whether it was measured end to end (and on which image).</summary>
/// <param name="Id">The canonical <see cref="CaseId"/> of those fields, recomputed rather than read from the file so
/// results written by other versions or edited by hand still match.</param>
public sealed record CaseKey(string Id, string Model, int? Resolution, string Provider, int Batch, int? Threads)
{
    public static CaseKey From(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // An end-to-end case (image bytes to class) is never the same case as its model-only twin, nor as an end-to-end
        // case of another image: the image's hash (when recorded) is part of the key.
        string id = CaseId.For(result.Model.Name, result.Model.Resolution, result.Provider, result.Batch, result.Threads, endToEnd: result.EndToEnd is not null,
            precision: result.Model.Precision);
        if (result.EndToEnd?.ImageSha256 is { Length: >= 12 } sha)
        {
            id += "@" + sha[..12];
        }

        return new CaseKey(id, result.Model.Name, result.Model.Resolution, result.Provider, result.Batch, result.Threads);
    }
}
