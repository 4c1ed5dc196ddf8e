namespace EffNetBench.Core.Results;

/// <summary>
/// The OS lock a run holds on its folder while it writes it: DIR/.lock opened with FileShare.None (flock on Unix, a
/// sharing lock on Windows) for the run's life. A second run into the same folder, started or resumed, is refused
/// while the first lives; the OS drops the lock when the process ends, however it ends, so a killed run's folder can be
/// resumed. The empty .lock file stays in the folder (deleting it would race with a process opening it).
/// </summary>
public sealed class RunFolderLock : IDisposable
{
    public const string FileName = ".lock";

    // EWOULDBLOCK from flock on Linux and macOS (EAGAIN), ERROR_SHARING_VIOLATION on Windows.
    private const int WouldBlockLinux = 11;
    private const int WouldBlockMac = 35;
    private const int SharingViolation = unchecked((int)0x80070020);

    private readonly FileStream _stream;

    private RunFolderLock(FileStream stream) => _stream = stream;

    /// <summary>
    /// Locks <paramref name="directory"/>: a new run's folder (created first) when <paramref name="create"/>, else a run
    /// folder to resume. Null when there is nothing to lock (a file; a folder to resume that is missing or has no
    /// run.json, which is left untouched): the run folder's own checks then report that path.
    /// </summary>
    /// <exception cref="ResultsStoreException">Another live run holds the folder (bad usage), or the lock file cannot be written.</exception>
    public static RunFolderLock? Acquire(string directory, bool create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string full = Path.GetFullPath(directory);
        bool holdsRun = File.Exists(Path.Combine(full, ResultsStore.RunFileName));
        if (File.Exists(full) || (!create && !holdsRun))
        {
            return null;
        }

        string path = Path.Combine(full, FileName);
        try
        {
            if (create && holdsRun)
            {
                // Another run's folder, which the new run refuses either way: only a live run's is told apart (by its
                // lock), and nothing is created in it.
                if (File.Exists(path))
                {
                    new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose();
                }

                return null;
            }

            Directory.CreateDirectory(full);
            return new RunFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (e.HResult is WouldBlockLinux or WouldBlockMac or SharingViolation)
        {
            throw new ResultsStoreException(full,
                $"the run folder '{full}' is in use by another effnet-bench run (it holds {path}): wait for that run to end, or choose another folder with --out",
                e, ErrorKind.Usage);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResultsStoreException(full, $"cannot lock the run folder '{full}' ({path}): {e.Message.Split('\n')[0].TrimEnd('\r')}", e);
        }
    }

    public void Dispose() => _stream.Dispose();
}
