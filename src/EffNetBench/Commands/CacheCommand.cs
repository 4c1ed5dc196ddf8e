using System.CommandLine;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Reporting.Rendering;

namespace EffNetBench.Commands;

/// <summary>`cache [--clear]`: where the generated zoo models are kept, how much they take, and removing them.</summary>
internal static class CacheCommand
{
    public static Command Create(TextWriter output)
    {
        var clear = new Option<bool>("--clear") { Description = "Delete every cached model (they are generated again when needed)" };
        var cacheDir = new Option<string?>("--cache-dir") { Description = $"The cache folder (default: the platform cache folder; also ${ModelCache.EnvironmentVariable})" }.OutputFolder();
        var command = new Command("cache", "Show where generated zoo models are cached and how much space they take; --clear deletes them") { clear, cacheDir };
        command.SetAction(parse =>
        {
            ModelCache cache = ModelCache.ForPlatform(parse.GetValue(cacheDir));
            if (parse.GetValue(clear))
            {
                (int removed, long freed) = cache.Clear();
                output.WriteLine($"removed {Invariant.Number(removed)} models ({Invariant.Mib(freed)} MiB) from {cache.Directory}");
                return ExitCodes.Success;
            }

            (int files, long bytes) = cache.Usage();
            output.WriteLine($"model cache: {cache.Directory}");
            output.WriteLine($"{Invariant.Number(files)} models, {Invariant.Mib(bytes)} MiB (--cache-dir or ${ModelCache.EnvironmentVariable} moves it; 'effnet-bench cache --clear' empties it)");
            return ExitCodes.Success;
        });
        return command;
    }
}
