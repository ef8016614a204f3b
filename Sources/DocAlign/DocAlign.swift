/// DocAlign: sentence alignment of multilingual documents.
///
/// The pipeline runs one way: text → ``SourceText`` → ``Segmenter`` → ``Document`` → structure →
/// alignment → writers. Each stage has a small public API used by the `docalign` command line
/// tool and by tests.
public enum DocAlign {
  /// The version of this release.
  public static let version = "0.1.0"
}
