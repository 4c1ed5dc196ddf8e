namespace EffNetBench.Core.Reporting.Accuracy;

internal static class AccuracyFile
{
    /// <exception cref="AccuracyFormatException">The file is missing or unreadable; the message names it.</exception>
    public static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bool missing = e is FileNotFoundException or DirectoryNotFoundException;
            string message = missing ? $"accuracy file '{path}' not found." : $"cannot read accuracy file '{path}': {e.Message}";
            throw new AccuracyFormatException(path, message, e, missing ? ErrorKind.Usage : ErrorKind.Failed);
        }
    }
}
