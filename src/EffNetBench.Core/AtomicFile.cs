using System.Text;

namespace EffNetBench.Core;

/// <summary>Replaces a file so readers see the old or the new content, never a partial one: the bytes go to a
/// temporary file in the same folder (same file system), reach the disk, then a rename replaces the old file.</summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8.GetBytes(text));

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    /// <param name="write">Writes the whole content to the stream (large content can be streamed, not buffered).</param>
    public static void Write(string path, Action<Stream> write)
    {
        // A name of its own per writer, so two writers of one path never share a temporary file.
        string temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);

                // On disk before the rename, or a crash could leave the new name pointing at empty data.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original error matters more than a leftover temp file.
        }
    }
}
