using System.CommandLine;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Providers.Runtimes;
using EffNetBench.Core.Reporting;
using EffNetBench.Core.Reporting.Rendering;

namespace EffNetBench.Commands;

/// <summary>`runtimes add VERSION [--flavor F]`, `runtimes list`, `runtimes remove VERSION [--flavor F]`: ONNX Runtime
/// packages fetched by version from the NuGet feeds, kept in the tool's cache for `--ort VERSION[:flavor]`.</summary>
internal static class RuntimesCommand
{
    public static Command Create(TextWriter output, TextWriter progress)
    {
        var command = new Command("runtimes", "ONNX Runtime releases by version: fetch from your NuGet feeds (add), list and remove them; use one with --ort VERSION[:flavor]")
        {
            Add(output, progress),
            List(output),
            Remove(output),
        };
        return command;
    }

    private static Option<string?> CacheDir() =>
        new Option<string?>("--cache-dir") { Description = $"The cache folder (runtimes go in its runtimes/; default: the platform cache folder; also ${ModelCache.EnvironmentVariable})" }.OutputFolder();

    private static Option<string> Flavor() => new("--flavor")
    {
        Description = "The build: " + string.Join("; ", OrtFlavor.All.Select(f => $"{f.Name} = {f.PackageId}")) + "; gpu = this system's GPU package",
        DefaultValueFactory = _ => OrtFlavor.Cpu.Name,
    };

    private static Argument<string> Version() => new("VERSION") { Description = "The ONNX Runtime release, e.g. 1.30.0 (1.30 or newer: the tool's managed API is 1.30)" };

    private static Command Add(TextWriter output, TextWriter progress)
    {
        Argument<string> version = Version();
        Option<string> flavor = Flavor();
        Option<string?> cacheDir = CacheDir();
        var configFile = new Option<string?>("--configfile") { Description = "Use only this NuGet.Config (as dotnet's --configfile); default: the NuGet.Config files dotnet uses here" }
            .ExistingFile("a NuGet.Config file");
        var command = new Command("add", "Download the ONNX Runtime NuGet package of VERSION and flavor from your NuGet feeds and keep this platform's native libraries")
        {
            version, flavor, cacheDir, configFile,
        };
        command.SetAction(parse =>
        {
            OrtSpec spec = new(OrtSpec.ParseVersion(parse.GetValue(version)!, "VERSION"), OrtSpec.ParseFlavor(parse.GetValue(flavor)!, "--flavor"));
            RuntimeInstaller.CheckForThisSystem(spec.Version, spec.Flavor);
            RuntimeStore store = RuntimeStore.ForPlatform(parse.GetValue(cacheDir));
            NuGetFeeds feeds = NuGetFeeds.FromConfig(parse.GetValue(configFile), Environment.CurrentDirectory);
            if (store.Find(spec.Version, spec.Flavor) is null)
            {
                progress.WriteLine($"fetching {spec.Flavor.PackageId} {spec.Version.ToNormalizedString()} from {string.Join(", ", feeds.Names)} ...");
            }

            (InstalledRuntime runtime, bool added) = new RuntimeInstaller(store, feeds).Add(spec.Version, spec.Flavor, CancellationToken.None);
            Core.Results.OrtPackage p = runtime.Manifest.Package;
            output.WriteLine(added
                ? $"added {p.Id} {p.Version} ({p.Flavor}, {p.Rid}) from {p.Source}: {Invariant.Number(runtime.Manifest.Files.Length)} files, {Invariant.Mib(runtime.Bytes)} MiB"
                : $"{p.Id} {p.Version} ({p.Flavor}) is already in the cache (from {p.Source})");
            output.WriteLine($"sha512: {p.Sha512}");
            output.WriteLine($"library: {runtime.LibraryPath}");
            output.WriteLine($"use it with --ort {spec}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(TextWriter output)
    {
        Option<string?> cacheDir = CacheDir();
        var format = new Option<string>("--format", "-f") { Description = "Output format: table or json", DefaultValueFactory = _ => "table" };
        var command = new Command("list", "List the ONNX Runtime packages in the cache") { cacheDir, format };
        command.SetAction(parse =>
        {
            string f = parse.GetValue(format)!.ToLowerInvariant();
            if (f is not ("table" or "json"))
            {
                throw new UsageException($"--format '{parse.GetValue(format)}' is not a format for runtimes list: use table or json");
            }

            RuntimeStore store = RuntimeStore.ForPlatform(parse.GetValue(cacheDir));
            IReadOnlyList<InstalledRuntime> runtimes = store.List();
            if (f == "json")
            {
                output.Write(Tabular.ToJson(new
                {
                    store.Directory,
                    Runtimes = runtimes.Select(r => new { r.Manifest.Package, r.Directory, r.LibraryPath, r.Bytes, r.Manifest.AddedUtc }).ToArray(),
                }));
                return ExitCodes.Success;
            }

            output.WriteLine($"runtime cache: {store.Directory}");
            if (runtimes.Count == 0)
            {
                output.WriteLine("no ONNX Runtime packages yet: add one with 'effnet-bench runtimes add VERSION [--flavor F]'");
                return ExitCodes.Success;
            }

            output.Write(Tabular.Table(["ort", "package", "version", "flavor", "rid", "MiB", "source", "sha512"],
                runtimes.Select(r => (IReadOnlyList<string>)[
                    new OrtSpec(NuGet.Versioning.NuGetVersion.Parse(r.Manifest.Package.Version), OrtFlavor.Find(r.Manifest.Package.Flavor) ?? OrtFlavor.Cpu).ToString(),
                    r.Manifest.Package.Id, r.Manifest.Package.Version, r.Manifest.Package.Flavor, r.Manifest.Package.Rid,
                    Invariant.Mib(r.Bytes), r.Manifest.Package.Source, r.Manifest.Package.Sha512[..Math.Min(16, r.Manifest.Package.Sha512.Length)] + "..."])));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove(TextWriter output)
    {
        Argument<string> version = Version();
        Option<string> flavor = Flavor();
        Option<string?> cacheDir = CacheDir();
        var command = new Command("remove", "Delete an ONNX Runtime package from the cache") { version, flavor, cacheDir };
        command.SetAction(parse =>
        {
            OrtSpec spec = new(OrtSpec.ParseVersion(parse.GetValue(version)!, "VERSION"), OrtSpec.ParseFlavor(parse.GetValue(flavor)!, "--flavor"));
            RuntimeStore store = RuntimeStore.ForPlatform(parse.GetValue(cacheDir));
            if (!store.Remove(spec.Version, spec.Flavor))
            {
                throw new UsageException($"ONNX Runtime {spec.Version.ToNormalizedString()} ({spec.Flavor.Name}) is not in the runtime cache {store.Directory}: see 'effnet-bench runtimes list'");
            }

            output.WriteLine($"removed ONNX Runtime {spec.Version.ToNormalizedString()} ({spec.Flavor.Name}) from {store.Directory}");
            return ExitCodes.Success;
        });
        return command;
    }
}
