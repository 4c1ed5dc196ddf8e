#!/usr/bin/env -S dotnet run
// Checks the tool packages `dotnet pack` made (scripts/install.sh packs them; .ci/run runs this after it):
//   dotnet run scripts/check-packages.cs -- FEED_DIR [--expect linux-x64,linux-arm64,osx-arm64,win-x64]
// - the pointer package (effnet-bench.<version>.nupkg) carries no implementation and names one package per platform,
//   each of which is in the folder (and no other effnet-bench package is);
// - every package is under NuGet.org's 250 MB limit;
// - every native library in a platform's package is built for that platform, read from its own header (ELF e_machine,
//   Mach-O cputype, PE machine; managed assemblies are platform-neutral), and ONNX Runtime, ONNX Runtime Extensions,
//   SkiaSharp and HarfBuzzSharp are all there.
// Prints one line per package (sizes, native libraries) and exits 1 with every problem listed, 2 on bad usage.
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

const string ToolId = "effnet-bench";
const long LimitBytes = 250L * 1000 * 1000; // NuGet.org refuses packages over 250 MB; decimal megabytes, the stricter reading
string[] requiredNatives = ["onnxruntime", "ortextensions", "SkiaSharp", "HarfBuzzSharp"];

if (args.Length is not (1 or 3) || (args.Length == 3 && args[1] != "--expect") || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: check-packages.cs FEED_DIR [--expect RID,RID...]   (FEED_DIR: the folder dotnet pack wrote)");
    return 2;
}

string feed = args[0];
string[]? expected = args.Length == 3 ? args[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
var problems = new List<string>();
string[] packages = [.. Directory.GetFiles(feed, ToolId + ".*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
string[] pointers = [.. packages.Where(p => Regex.IsMatch(p, $@"^{Regex.Escape(ToolId)}\.\d"))];
if (pointers.Length != 1)
{
    Console.Error.WriteLine($"check-packages: expected one pointer package {ToolId}.<version>.nupkg in {feed}, found {pointers.Length} ({string.Join(", ", pointers)}): pack into an empty folder");
    return 1;
}

string pointer = pointers[0];
string version = pointer[(ToolId.Length + 1)..^".nupkg".Length];
var platforms = new List<(string Rid, string Id)>();
using (ZipArchive zip = ZipFile.OpenRead(Path.Combine(feed, pointer)))
{
    ZipArchiveEntry? settings = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
    if (settings is null)
    {
        problems.Add($"{pointer}: no DotnetToolSettings.xml, so it is not a tool package");
    }
    else
    {
        using Stream stream = settings.Open();
        platforms.AddRange(XDocument.Load(stream).Descendants("RuntimeIdentifierPackage")
            .Select(p => ((string)p.Attribute("RuntimeIdentifier")!, (string)p.Attribute("Id")!)));
    }

    string[] implementation = [.. zip.Entries.Where(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal) && !e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal)).Select(e => e.FullName)];
    if (implementation.Length > 0)
    {
        problems.Add($"{pointer}: the pointer package carries tool files ({string.Join(", ", implementation.Take(3))}...); they belong in the platform packages");
    }
}

if (platforms.Count == 0)
{
    problems.Add($"{pointer}: names no platform package (RuntimeIdentifierPackage): is <RuntimeIdentifiers> set in src/EffNetBench/EffNetBench.csproj?");
}

if (expected is not null && !expected.Order(StringComparer.Ordinal).SequenceEqual(platforms.Select(p => p.Rid).Order(StringComparer.Ordinal)))
{
    problems.Add($"{pointer}: names the platforms {string.Join(",", platforms.Select(p => p.Rid))}, expected {string.Join(",", expected)}");
}

string[] strays = [.. packages.Except([pointer, .. platforms.Select(p => $"{p.Id}.{version}.nupkg")])];
if (strays.Length > 0)
{
    problems.Add($"{feed} holds packages the pointer {pointer} does not name: {string.Join(", ", strays)}");
}

Console.WriteLine($"{"package",-48} {"size MB",8} {"unpacked MB",12}  native libraries");
Report(pointer, null);
foreach ((string rid, string id) in platforms)
{
    string file = $"{id}.{version}.nupkg";
    if (!File.Exists(Path.Combine(feed, file)))
    {
        problems.Add($"{file}: missing, though {pointer} names it for {rid}");
        continue;
    }

    Report(file, rid);
}

foreach (string problem in problems)
{
    Console.Error.WriteLine("check-packages: " + problem);
}

Console.WriteLine(problems.Count == 0
    ? $"{platforms.Count + 1} packages checked: each under 250 MB, each platform's with only its own native libraries"
    : $"{problems.Count} packaging problem(s)");
return problems.Count == 0 ? 0 : 1;

void Report(string file, string? rid)
{
    string path = Path.Combine(feed, file);
    long size = new FileInfo(path).Length;
    if (size >= LimitBytes)
    {
        problems.Add($"{file}: {Mb(size)} MB, over NuGet.org's 250 MB limit");
    }

    using ZipArchive zip = ZipFile.OpenRead(path);
    var natives = new List<string>();
    foreach (ZipArchiveEntry entry in zip.Entries.Where(e => e.Length > 0))
    {
        if (entry.FullName.Contains("/runtimes/", StringComparison.Ordinal))
        {
            problems.Add($"{file}: {entry.FullName} is in a runtimes/ folder, the platform-neutral layout");
        }

        (string Os, string[] Archs)? native = NativeTarget(Head(entry));
        if (native is not (string os, string[] archs))
        {
            continue;
        }

        natives.Add($"{entry.Name} ({os}-{string.Join("+", archs)})");
        if (rid is null)
        {
            problems.Add($"{file}: the pointer package carries the native library {entry.FullName}");
        }
        else if (rid.Split('-') is not [string ridOs, string ridArch] || os != ridOs || !archs.Contains(ridArch))
        {
            problems.Add($"{file}: {entry.FullName} is a native library for {os}-{string.Join("+", archs)}, not {rid}");
        }
    }

    if (rid is not null)
    {
        foreach (string required in requiredNatives.Where(r => !natives.Any(n => BaseName(n).Equals(r, StringComparison.OrdinalIgnoreCase))))
        {
            problems.Add($"{file}: no {required} native library for {rid}");
        }
    }

    long unpacked = zip.Entries.Sum(e => e.Length);
    Console.WriteLine($"{file,-48} {Mb(size),8} {Mb(unpacked),12}  {(natives.Count == 0 ? "none" : string.Join(", ", natives.Order(StringComparer.Ordinal)))}");
}

static string Mb(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture);

// libSkiaSharp.so, libSkiaSharp.dll, onnxruntime.dll -> SkiaSharp, SkiaSharp, onnxruntime
static string BaseName(string native)
{
    string name = native[..native.IndexOf('.')];
    return name.StartsWith("lib", StringComparison.Ordinal) ? name[3..] : name;
}

static byte[] Head(ZipArchiveEntry entry)
{
    using Stream stream = entry.Open();
    var head = new byte[(int)Math.Min(entry.Length, 4096)];
    stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
    return head;
}

// The OS and CPU(s) a native binary is built for, from its header; null for anything else (managed assemblies
// included: a PE file with a CLI header runs wherever .NET does).
static (string Os, string[] Archs)? NativeTarget(byte[] h)
{
    if (h.Length >= 20 && h[0] == 0x7F && h[1] == (byte)'E' && h[2] == (byte)'L' && h[3] == (byte)'F')
    {
        // ELF: e_machine at offset 18, in the file's byte order (EI_DATA: 1 little-endian).
        ushort machine = h[5] == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(h.AsSpan(18)) : BinaryPrimitives.ReadUInt16BigEndian(h.AsSpan(18));
        return ("linux", [machine switch { 62 => "x64", 183 => "arm64", 3 => "x86", 40 => "arm", 243 => "riscv64", 258 => "loongarch64", _ => $"elf{machine}" }]);
    }

    if (h.Length >= 8 && BinaryPrimitives.ReadUInt32LittleEndian(h) == 0xFEEDFACF)
    {
        return ("osx", [MachCpu(BinaryPrimitives.ReadUInt32LittleEndian(h.AsSpan(4)))]);
    }

    if (h.Length >= 8 && BinaryPrimitives.ReadUInt32BigEndian(h) == 0xCAFEBABE)
    {
        // A universal (fat) Mach-O: big-endian count, then 20-byte fat_arch records starting with the cputype.
        uint count = BinaryPrimitives.ReadUInt32BigEndian(h.AsSpan(4));
        return ("osx", [.. Enumerable.Range(0, (int)Math.Min(count, 8)).Where(i => 8 + (20 * i) + 4 <= h.Length)
            .Select(i => MachCpu(BinaryPrimitives.ReadUInt32BigEndian(h.AsSpan(8 + (20 * i)))))]);
    }

    if (h.Length >= 0x40 && h[0] == (byte)'M' && h[1] == (byte)'Z')
    {
        int pe = BinaryPrimitives.ReadInt32LittleEndian(h.AsSpan(0x3C));
        if (pe <= 0 || pe + 24 + 112 + (15 * 8) > h.Length || BinaryPrimitives.ReadUInt32LittleEndian(h.AsSpan(pe)) != 0x00004550)
        {
            return ("win", ["unknown"]);
        }

        ushort machine = BinaryPrimitives.ReadUInt16LittleEndian(h.AsSpan(pe + 4));
        int optional = pe + 24;
        int directories = optional + (BinaryPrimitives.ReadUInt16LittleEndian(h.AsSpan(optional)) == 0x20B ? 112 : 96);
        if (BinaryPrimitives.ReadUInt32LittleEndian(h.AsSpan(directories + (14 * 8))) != 0)
        {
            return null; // the CLI header's data directory: a managed assembly
        }

        return ("win", [machine switch { 0x8664 => "x64", 0xAA64 => "arm64", 0x14C => "x86", _ => $"pe{machine:x}" }]);
    }

    return null;
}

static string MachCpu(uint cpu) => cpu switch { 0x01000007 => "x64", 0x0100000C => "arm64", _ => $"mach{cpu:x}" };
