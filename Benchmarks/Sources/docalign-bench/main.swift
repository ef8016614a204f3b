// docalign-bench: throughput of DocAlign's library calls (see Benchmarks/README.md).
//
// usage: docalign-bench segment FILE [--repeat N]
import DocAlign
import Foundation

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2, arguments[0] == "segment" else {
  FileHandle.standardError.write(Data("usage: docalign-bench segment FILE [--repeat N]\n".utf8))
  exit(2)
}
let path = arguments[1]
var repeats = 5
if let k = arguments.firstIndex(of: "--repeat"), k + 1 < arguments.count, let n = Int(arguments[k + 1]) {
  repeats = n
}
do {
  let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
  let segmenter = try Segmenter(resources: ResourceDirectory.locate())
  var best = Double.infinity
  var count = 0
  for _ in 0..<repeats {
    let time = try seconds {
      let source = try SourceText(name: path, bytes: Array(bytes))
      count = try segmenter.segment(source).sentences.count
    }
    best = min(best, time)
  }
  let megabytes = Double(bytes.count) / 1_000_000
  print(String(format: "library segment: %.2f MB in %.3f s (best of %d) = %.1f MB/s, %d units",
               megabytes, best, repeats, megabytes / best, count))
} catch {
  FileHandle.standardError.write(Data("docalign-bench: \(error)\n".utf8))
  exit(1)
}
