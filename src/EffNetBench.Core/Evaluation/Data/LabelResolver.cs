using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EffNetBench.Core.Evaluation.Data;

/// <summary>
/// Turns label texts into class indices for the CSV and flat layouts. With a classes file a label is a class name,
/// or failing that a 0-based integer index into the file. Without one, labels that are all non-negative integers
/// are the model's output indices themselves (classes "0".."max"); otherwise classes are the distinct labels in
/// ordinal order.
/// </summary>
internal static partial class LabelResolver
{
    /// <summary>
    /// One class per non-blank line, trimmed. When every line starts with a WordNet id followed by text
    /// (synset_words.txt: "n01440764 tench, Tinca tinca") the id alone is the name, matching synset folder names.
    /// </summary>
    public static ImmutableArray<string> ReadClassesFile(string classesFile)
    {
        if (!File.Exists(classesFile))
        {
            throw new DatasetException(classesFile, $"classes file '{classesFile}' not found: pass a text file with one class name per line, in the model's output order", ErrorKind.Usage);
        }

        string[] lines = File.ReadAllLines(classesFile).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        if (lines.Length == 0)
        {
            throw new DatasetException(classesFile, $"classes file '{classesFile}' is empty: write one class name per line, in the model's output order");
        }

        if (lines.All(l => SynsetLine().IsMatch(l)))
        {
            lines = lines.Select(l => l[..9]).ToArray();
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in lines)
        {
            if (!seen.Add(line))
            {
                throw new DatasetException(classesFile, $"classes file '{classesFile}' lists '{line}' twice: each class must appear once");
            }
        }

        return [.. lines];
    }

    /// <param name="labels">The label text of each image, in order.</param>
    /// <param name="where">Describes image i's origin for messages (e.g. "'a.csv' line 3").</param>
    public static (ImmutableArray<string> Classes, int[] Indices) Resolve(
        IReadOnlyList<string> labels, string? classesFile, Func<int, string> where)
    {
        if (classesFile is not null)
        {
            ImmutableArray<string> classes = ReadClassesFile(classesFile);
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < classes.Length; i++)
            {
                byName[classes[i]] = i;
            }

            int[] indices = new int[labels.Count];
            for (int i = 0; i < labels.Count; i++)
            {
                indices[i] = byName.TryGetValue(labels[i], out int index) ? index
                    : TryIndex(labels[i], out int n) && n < classes.Length ? n
                    : throw new DatasetException(classesFile,
                        $"{where(i)}: label '{labels[i]}' is not in classes file '{classesFile}' ({classes.Length.ToString(CultureInfo.InvariantCulture)} classes): add it there or fix the label");
            }

            return (classes, indices);
        }

        if (labels.Count > 0 && labels.All(l => TryIndex(l, out _)))
        {
            int[] indices = labels.Select(l => { TryIndex(l, out int n); return n; }).ToArray();
            int count = indices.Max() + 1;
            return ([.. Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture))], indices);
        }

        string[] names = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var positions = names.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => t.i, StringComparer.Ordinal);
        return ([.. names], labels.Select(l => positions[l]).ToArray());
    }

    private static bool TryIndex(string text, out int index) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index) && index < 1_000_000;

    [GeneratedRegex(@"^n[0-9]{8}\s")]
    private static partial Regex SynsetLine();
}
