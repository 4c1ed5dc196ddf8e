using System.Runtime.CompilerServices;
using EffNetBench.Core.Benchmarking;

namespace EffNetBench.IntegrationTests;

/// <summary>
/// Points the tool's model cache (<see cref="ModelCache.EnvironmentVariable"/>) at a temporary folder before any test
/// runs, for the tool in this process and every tool process a test starts: a test that forgets --cache-dir still never
/// writes generated models into the user's cache (~/.cache/effnet-bench or $XDG_CACHE_HOME). Tests that pass --cache-dir
/// keep their own folder, which wins over the variable.
/// </summary>
internal static class PrivateModelCache
{
    public static string Directory { get; private set; } = string.Empty;

    [ModuleInitializer]
    internal static void Redirect()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("effnet-bench-test-cache-").FullName;
        Environment.SetEnvironmentVariable(ModelCache.EnvironmentVariable, Directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean up with the rest of the temp folder.
            }
        };
    }
}
