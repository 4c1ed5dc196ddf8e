using System.CommandLine;
using System.CommandLine.Parsing;

namespace EffNetBench.Commands;

/// <summary>
/// The one check of a named file or folder, at parse time: one that does not exist, or is a folder where a file belongs
/// (or the other way round), is bad usage (exit 2) whose message says which, before the command does any work.
/// </summary>
internal static class InputPaths
{
    /// <summary>Every value of <paramref name="option"/> (repeated, or comma-separated with <paramref name="commaList"/>) must be an existing file.</summary>
    public static T ExistingFile<T>(this T option, string what, bool commaList = false)
        where T : Option => Check(option, what, expectFile: true, mustExist: true, commaList);

    /// <summary>The value of <paramref name="option"/> must be an existing folder.</summary>
    public static T ExistingFolder<T>(this T option, string what)
        where T : Option => Check(option, what, expectFile: false, mustExist: true);

    /// <summary>An output folder: it may not exist yet, but it may not be a file.</summary>
    public static T OutputFolder<T>(this T option)
        where T : Option => Check(option, "a folder", expectFile: false, mustExist: false);

    /// <summary>An output file: it may not exist yet, but it may not be a folder.</summary>
    public static T OutputFile<T>(this T option, string what)
        where T : Option => Check(option, what, expectFile: true, mustExist: false);

    /// <summary>What is wrong with <paramref name="path"/> as a file or folder, or null when nothing is.</summary>
    public static string? Problem(string name, string path, string what, bool expectFile, bool mustExist)
    {
        if (expectFile && Directory.Exists(path))
        {
            return $"{name} '{path}' is a folder, not {what}: give the path of {what}";
        }

        if (!expectFile && File.Exists(path))
        {
            return $"{name} '{path}' is a file, not {what}: give the path of {what}";
        }

        return mustExist && !File.Exists(path) && !Directory.Exists(path)
            ? $"{name} '{path}' does not exist: give the path of {what}"
            : null;
    }

    private static T Check<T>(T option, string what, bool expectFile, bool mustExist, bool commaList = false)
        where T : Option
    {
        option.Validators.Add(result =>
        {
            foreach (string path in result.Tokens.SelectMany(t => commaList ? t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [t.Value]))
            {
                if (Problem(option.Name, path, what, expectFile, mustExist) is string problem)
                {
                    result.AddError(problem);
                    return;
                }
            }
        });
        return option;
    }
}
