using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace EffNetBench.Core.Results;

/// <summary>
/// A run folder written so a crash loses at most the launch being measured: run.json (header and settings) when the
/// run starts, one flushed line per finished launch in results.jsonl (per case with one launch), and results.json
/// (one merged entry per case) when the run completes.
/// </summary>
public sealed class ResultsStore
{
    public const string RunFileName = "run.json";
    public const string CasesFileName = "results.jsonl";
    public const string ResultsFileName = "results.json";

    private readonly object gate = new();
    private ImmutableArray<CaseResult> finished;
    private long? truncateTo;

    private ResultsStore(string directory, RunHeader header, ImmutableArray<CaseResult> finished, long? truncateTo)
    {
        Directory = directory;
        Header = header;
        this.finished = finished;
        this.truncateTo = truncateTo;
    }

    /// <summary>The run folder (full path).</summary>
    public string Directory { get; }

    public RunHeader Header { get; }

    /// <summary>Cases appended so far (including those restored by <see cref="Open"/>), in append order, one per case id:
    /// a case measured again (`run --resume` of a failed case) takes the place of its earlier result.</summary>
    public IReadOnlyList<CaseResult> Finished
    {
        get
        {
            lock (gate)
            {
                return finished;
            }
        }
    }

    private string CasesPath => Path.Combine(Directory, CasesFileName);

    /// <summary>Starts a run in <paramref name="dir"/> (created if needed): writes run.json atomically and an empty results.jsonl.</summary>
    /// <exception cref="ResultsStoreException"><paramref name="dir"/> is a file, already holds a run, or cannot be written.</exception>
    public static ResultsStore Create(string dir, RunHeader header)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        ArgumentNullException.ThrowIfNull(header);
        string full = Path.GetFullPath(dir);
        if (File.Exists(full))
        {
            throw new ResultsStoreException(full, $"'{full}' is a file; the results of a run go to a folder, so choose a folder path.", kind: ErrorKind.Usage);
        }

        if (File.Exists(Path.Combine(full, RunFileName)))
        {
            throw new ResultsStoreException(full, $"'{full}' already holds a run ({RunFileName}); resume it with --resume or choose another output folder.", kind: ErrorKind.Usage);
        }

        try
        {
            System.IO.Directory.CreateDirectory(full);

            // A stale results.jsonl without run.json belongs to no run; starting empty keeps it out of this one.
            File.WriteAllBytes(Path.Combine(full, CasesFileName), []);
            AtomicFile.WriteAllText(Path.Combine(full, RunFileName), ResultsJson.ToText(RunFile.From(header)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResultsStoreException(full, $"cannot write the run folder '{full}': {e.Message}", e);
        }

        return new ResultsStore(full, header, [], null);
    }

    /// <summary>
    /// Reopens a run folder to resume it: reads run.json and the cases in results.jsonl. A last line without its newline
    /// (the run was killed mid-write) is ignored, and the file is cut back to the last complete line before the next append.
    /// </summary>
    /// <exception cref="ResultsStoreException"><paramref name="dir"/> is missing, a file, or has no run.json.</exception>
    /// <exception cref="ResultsFormatException">run.json or a complete line of results.jsonl is not valid.</exception>
    public static ResultsStore Open(string dir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        string full = Path.GetFullPath(dir);
        if (!System.IO.Directory.Exists(full))
        {
            throw new ResultsStoreException(full, File.Exists(full)
                ? $"'{full}' is a file, not a run folder; pass the folder a run wrote its {RunFileName} to."
                : $"the run folder '{full}' does not exist.", kind: ErrorKind.Usage);
        }

        string runPath = Path.Combine(full, RunFileName);
        if (!File.Exists(runPath))
        {
            throw new ResultsStoreException(full, $"'{full}' has no {RunFileName}, so it is not a run folder that can be resumed: pass the folder 'effnet-bench run' wrote.", kind: ErrorKind.Usage);
        }

        RunFile run = ReadRunFile(runPath);
        string casesPath = Path.Combine(full, CasesFileName);
        byte[] bytes = ReadBytes(casesPath, optional: true);
        (ImmutableArray<CaseResult> cases, long complete) = ParseCases(casesPath, bytes);
        return new ResultsStore(full, run.ToHeader(), cases, complete < bytes.Length ? complete : null);
    }

    /// <summary>Appends one compact JSON line to results.jsonl and flushes it to disk before returning. Thread-safe.</summary>
    /// <exception cref="ResultsStoreException">results.jsonl cannot be written.</exception>
    public void Append(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(result, ResultsJson.Line);
        lock (gate)
        {
            try
            {
                using var stream = new FileStream(CasesPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
                if (truncateTo is long length)
                {
                    stream.SetLength(length);
                    truncateTo = null;
                }

                stream.Seek(0, SeekOrigin.End);
                stream.Write(json);
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ResultsStoreException(CasesPath, $"cannot append to '{CasesPath}': {e.Message}", e);
            }

            finished = Supersede(finished, result);
        }
    }

    /// <summary>Writes results.json (header, finish time and every finished case in append order) atomically and returns it.</summary>
    /// <exception cref="ResultsStoreException">results.json cannot be written.</exception>
    public BenchmarkResults Complete(DateTimeOffset finishedUtc) => Complete(finishedUtc, null);

    /// <summary>Writes results.json with <paramref name="merged"/> as its cases (one merged entry per case of a run with
    /// several launches, whose results.jsonl holds one line per launch); every finished line when null.</summary>
    /// <param name="peaks">The machine's peaks measured for the run's roofline (`run --profile`), or null.</param>
    public BenchmarkResults Complete(DateTimeOffset finishedUtc, IReadOnlyList<CaseResult>? merged, ImmutableArray<MachinePeaks>? peaks = null)
    {
        ImmutableArray<CaseResult> cases;
        lock (gate)
        {
            cases = merged is null ? finished : [.. merged];
        }

        var results = new BenchmarkResults(
            BenchmarkResults.CurrentSchema,
            Header.Tool,
            Header.Run with { FinishedUtc = finishedUtc.ToUniversalTime() },
            Header.Environment,
            Header.Settings,
            cases)
        {
            Peaks = peaks,
        };
        string path = Path.Combine(Directory, ResultsFileName);
        try
        {
            AtomicFile.WriteAllText(path, ResultsJson.ToText(results));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResultsStoreException(path, $"cannot write '{path}': {e.Message}", e);
        }

        return results;
    }

    /// <summary>Reads a results.json, given its path or the run folder that holds it.</summary>
    /// <param name="allowIncomplete">Read a run folder without results.json (an interrupted run) from its run.json and
    /// results.jsonl: its finished lines, one per launch of a case measured in several (Benchmarking's
    /// LaunchMerge.MergeRun merges them as results.json would), with no finish time (<see cref="IsIncomplete"/> tells
    /// such a folder).</param>
    /// <exception cref="ResultsFormatException">The file is missing (bad usage) or unreadable, is not valid JSON, or has another schema major version.</exception>
    public static BenchmarkResults Load(string pathOrDir, bool allowIncomplete = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrDir);
        string full = Path.GetFullPath(pathOrDir);
        string path = System.IO.Directory.Exists(full) ? Path.Combine(full, ResultsFileName) : full;
        if (!File.Exists(path))
        {
            if (path == full)
            {
                throw new ResultsFormatException(path, $"results file '{path}' not found: pass a results.json or the run folder holding it.", kind: ErrorKind.Usage);
            }

            if (!File.Exists(Path.Combine(full, RunFileName)))
            {
                throw new ResultsFormatException(path, $"'{full}' is not a run folder: it has no {ResultsFileName} or {RunFileName}; pass a folder that 'effnet-bench run' wrote, or its {ResultsFileName}.", kind: ErrorKind.Usage);
            }

            if (allowIncomplete)
            {
                ResultsStore partial = Open(full);
                return new BenchmarkResults(BenchmarkResults.CurrentSchema, partial.Header.Tool, partial.Header.Run, partial.Header.Environment, partial.Header.Settings,
                    [.. partial.Finished]);
            }

            throw new ResultsFormatException(path, $"'{full}' has no {ResultsFileName}: the run did not complete; finish it with 'effnet-bench run --resume {full}'.");
        }

        byte[] bytes = ReadBytes(path, optional: false);
        JsonElement root = ParseDocument(path, bytes);
        string schema = SchemaOf(path, root);
        string expected = BenchmarkResults.SchemaPrefix;
        if (!schema.StartsWith(expected, StringComparison.Ordinal))
        {
            throw new ResultsFormatException(path, $"'{path}' is not an effnet-bench results file (schema \"{schema}\").");
        }

        if (MajorOf(schema[expected.Length..]) is not int major)
        {
            throw new ResultsFormatException(path, $"'{path}' has schema \"{schema}\", which is not a version (MAJOR or MAJOR.MINOR): it was not written by effnet-bench.");
        }

        if (major != BenchmarkResults.SchemaMajor)
        {
            string fix = major > BenchmarkResults.SchemaMajor
                ? "it was written by a newer effnet-bench: read it with that version or later"
                : "it was written by an older effnet-bench: read it with that version";
            throw new ResultsFormatException(path, $"'{path}' has schema \"{schema}\"; this effnet-bench reads major version {BenchmarkResults.SchemaMajor} (\"{BenchmarkResults.SchemaPrefix}{BenchmarkResults.SchemaMajor}\" up to \"{BenchmarkResults.CurrentSchema}\", and later 1.x minor versions, whose added fields it ignores); {fix}.");
        }

        return Deserialize<BenchmarkResults>(path, root, schema);
    }

    /// <summary>The major version of "MAJOR" or "MAJOR.MINOR" (digits only); null for anything else.</summary>
    internal static int? MajorOf(string version)
    {
        string[] parts = version.Split('.');
        bool digits = parts.Length is 1 or 2 && parts.All(p => p.Length is > 0 and <= 9 && p.All(char.IsAsciiDigit));
        return digits ? int.Parse(parts[0], CultureInfo.InvariantCulture) : null;
    }

    /// <summary>True for a run folder whose run did not complete: run.json without results.json.</summary>
    public static bool IsIncomplete(string pathOrDir)
    {
        string full = Path.GetFullPath(pathOrDir);
        return System.IO.Directory.Exists(full) && !File.Exists(Path.Combine(full, ResultsFileName)) && File.Exists(Path.Combine(full, RunFileName));
    }

    private static RunFile ReadRunFile(string path)
    {
        JsonElement root = ParseDocument(path, ReadBytes(path, optional: false));
        string schema = SchemaOf(path, root);
        if (schema != RunFile.CurrentSchema)
        {
            throw new ResultsFormatException(path, $"'{path}' has schema \"{schema}\"; this effnet-bench resumes \"{RunFile.CurrentSchema}\" runs.");
        }

        return Deserialize<RunFile>(path, root, schema);
    }

    private static (ImmutableArray<CaseResult> Cases, long CompleteLength) ParseCases(string path, byte[] bytes)
    {
        var cases = ImmutableArray.CreateBuilder<CaseResult>();
        int start = 0;
        int lineNumber = 0;
        while (start < bytes.Length)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                // No newline: the process died while writing this line; the case is re-run on resume.
                break;
            }

            lineNumber++;
            ReadOnlySpan<byte> line = bytes.AsSpan(start, end - start);
            start = end + 1;
            if (line.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            try
            {
                CaseResult read = JsonSerializer.Deserialize<CaseResult>(line, ResultsJson.Read)
                    ?? throw new JsonException("the line is null.");
                int earlier = IndexOf(cases, read);
                if (earlier >= 0)
                {
                    cases[earlier] = read; // a later line for the same case and launch supersedes it, in its place
                }
                else
                {
                    cases.Add(read);
                }
            }
            catch (JsonException e)
            {
                throw new ResultsFormatException(path, $"'{path}' line {lineNumber.ToString(CultureInfo.InvariantCulture)} is not a valid case result: {e.Message}", e);
            }
        }

        return (cases.ToImmutable(), start);
    }

    /// <summary>The cases with <paramref name="result"/> in the place of an earlier result of the same case id, else last.</summary>
    private static ImmutableArray<CaseResult> Supersede(ImmutableArray<CaseResult> cases, CaseResult result)
    {
        int earlier = IndexOf(cases, result);
        return earlier >= 0 ? cases.SetItem(earlier, result) : cases.Add(result);
    }

    /// <summary>The position of the line for the same case and launch as <paramref name="line"/>, or -1.</summary>
    private static int IndexOf(IReadOnlyList<CaseResult> cases, CaseResult line)
    {
        for (int i = 0; i < cases.Count; i++)
        {
            if (string.Equals(cases[i].Id, line.Id, StringComparison.Ordinal) && cases[i].LaunchIndex == line.LaunchIndex)
            {
                return i;
            }
        }

        return -1;
    }

    private static byte[] ReadBytes(string path, bool optional)
    {
        try
        {
            return optional && !File.Exists(path) ? [] : File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResultsFormatException(path, $"cannot read '{path}': {e.Message}", e);
        }
    }

    private static JsonElement ParseDocument(string path, byte[] bytes)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ResultsFormatException(path, $"'{path}' is not valid JSON: {e.Message}", e);
        }
    }

    private static string SchemaOf(string path, JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("schema", out JsonElement schema)
        && schema.ValueKind == JsonValueKind.String
            ? schema.GetString()!
            : throw new ResultsFormatException(path, $"'{path}' has no \"schema\" field, so it is not an effnet-bench file.");

    private static T Deserialize<T>(string path, JsonElement root, string schema)
        where T : class
    {
        try
        {
            return root.Deserialize<T>(ResultsJson.Read) ?? throw new JsonException("the document is null.");
        }
        catch (JsonException e)
        {
            throw new ResultsFormatException(path, $"'{path}' does not match schema \"{schema}\": {e.Message}", e);
        }
    }
}
