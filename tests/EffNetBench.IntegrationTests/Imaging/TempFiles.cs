namespace EffNetBench.IntegrationTests.Imaging;

/// <summary>A temporary folder for a test's images and models, deleted on dispose.</summary>
internal sealed class TempFiles : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("effnet-bench-e2e-").FullName;

    public string PathOf(string name) => Path.Combine(Root, name);

    public string Save(string name, byte[] bytes)
    {
        string path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
