using System.Collections.Immutable;
using EffNetBench.Core.Results;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Core.Reporting.Accuracy;

/// <summary>
/// Accuracy figures from every source a report was given, in order of precedence: measured, then timm CSV, then
/// reference tables; within a kind, the source given first wins.
/// </summary>
/// <param name="Entries">Ordered by precedence; <see cref="Find"/> returns the first that applies.</param>
/// <param name="Notes">What a reader should know about the sources (ambiguous or duplicate rows).</param>
public sealed record AccuracyTable(ImmutableArray<AccuracyEntry> Entries, ImmutableArray<string> Notes)
{
    /// <summary>Turns the reference fallback off: only the files given count.</summary>
    public const string None = "none";

    public static AccuracyTable Empty { get; } = new([], []);

    /// <summary>
    /// Reads the sources: reference table names (<see cref="ReferenceAccuracy.Names"/>), timm results .csv files and
    /// eval .json files. "paper" is added as the last fallback (it is the only table with Lite and V2) unless "none" is given.
    /// </summary>
    /// <param name="timmCheckpoint">`--timm-checkpoint`: which timm checkpoint a CSV's figures are taken from (<see cref="TimmCheckpoint.Choose"/>).</param>
    /// <exception cref="AccuracySourceException">A source is none of those, "none" is combined with a table, or a checkpoint is given without a CSV.</exception>
    /// <exception cref="AccuracyFormatException">A file is missing, unreadable or malformed.</exception>
    public static AccuracyTable Load(IReadOnlyList<string>? sources, string? timmCheckpoint = null)
    {
        var tables = new List<AccuracyTable>();
        var references = new List<string>();
        bool none = false, csvGiven = false;
        foreach (string raw in sources ?? [])
        {
            string source = raw.Trim();
            if (ReferenceAccuracy.TryNormalise(source, out string table))
            {
                references.Add(table);
            }
            else if (string.Equals(source, None, StringComparison.OrdinalIgnoreCase))
            {
                none = true;
            }
            else if (source.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                tables.Add(TimmCsvAccuracy.Load(source, timmCheckpoint));
                csvGiven = true;
            }
            else if (source.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                tables.Add(EvalJsonAccuracy.Load(source));
            }
            else
            {
                throw new AccuracySourceException(
                    $"accuracy source '{raw}' is unknown: use {string.Join(", ", ReferenceAccuracy.Names)}, {None}, a timm results .csv or an eval .json file.");
            }
        }

        if (none && references.Count > 0)
        {
            throw new AccuracySourceException($"accuracy source '{None}' turns the reference tables off, so it cannot be combined with '{references[0]}'.");
        }

        if (!string.IsNullOrWhiteSpace(timmCheckpoint) && !csvGiven)
        {
            throw new AccuracySourceException($"--timm-checkpoint {timmCheckpoint} chooses among the rows of a timm results CSV, but no .csv accuracy source is given.");
        }

        if (!none && !references.Contains(ReferenceAccuracy.Paper))
        {
            references.Add(ReferenceAccuracy.Paper);
        }

        IEnumerable<AccuracyEntry> reference = references.Distinct().SelectMany(r => ReferenceAccuracy.Entries(r));
        return Create(tables.SelectMany(t => t.Entries).Concat(reference), tables.SelectMany(t => t.Notes));
    }

    /// <summary>Orders <paramref name="entries"/> by precedence, keeping the given order within a kind.</summary>
    public static AccuracyTable Create(IEnumerable<AccuracyEntry> entries, IEnumerable<string>? notes = null) =>
        new([.. entries.OrderBy(e => e.Kind)], [.. notes ?? []]);

    /// <summary>The zoo variant name <paramref name="name"/> stands for (efficientnet-b0 -> b0), else the name itself.</summary>
    public static string KeyOf(string name) => ZooCatalog.TryFind(name, out ZooVariant variant) ? variant.Name : name.Trim();

    /// <summary>The figure with the highest precedence that applies to <paramref name="model"/>, or null.</summary>
    public AccuracyEntry? Find(ModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string key = KeyOf(model.Name);
        return Entries.FirstOrDefault(e => e.Model == key && Applies(e, model));
    }

    /// <summary>Why <see cref="Find"/> has nothing for <paramref name="model"/> although a source names it; null otherwise.</summary>
    public string? Miss(ModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string key = KeyOf(model.Name);
        ImmutableArray<AccuracyEntry> named = [.. Entries.Where(e => e.Model == key)];
        if (named.IsEmpty || Find(model) is not null)
        {
            return null;
        }

        if (model.Precision is string precision)
        {
            return $"not measured: no {precision} accuracy of {model.Name} was given, and a published or fp32 figure is never reused for a converted model (measure it with eval --precision fp32,{precision})";
        }

        if (model.Source == ModelSource.File && named.All(e => e.Kind == AccuracyKind.Reference))
        {
            return $"no accuracy: {model.Name} is a model file whose weights are unknown, so the published figure for {key} is not assumed (give a measured eval.json or a timm CSV)";
        }

        string sizes = string.Join(", ", named.Where(e => e.Resolution is not null).Select(e => Px(e.Resolution)).Distinct());
        return $"no accuracy at {Px(model.Resolution)}: the figures for {key} are for {sizes}";
    }

    // A figure is of one precision: a published (fp32) figure never stands for a converted model, nor an int8 one for fp32.
    private static bool Applies(AccuracyEntry entry, ModelInfo model) => entry.Precision == model.Precision && AppliesAtSize(entry, model);

    private static bool AppliesAtSize(AccuracyEntry entry, ModelInfo model) => entry.Kind == AccuracyKind.Reference
        // A published figure is for the trained architecture at its native size; only zoo models are known to be that architecture.
        ? model.Source == ModelSource.Zoo && entry.Resolution == model.Resolution
        : entry.Resolution is null || model.Resolution is null || entry.Resolution == model.Resolution;

    private static string Px(int? resolution) =>
        resolution is int r ? Rendering.Invariant.Number(r) + " px" : "an unknown size";
}
