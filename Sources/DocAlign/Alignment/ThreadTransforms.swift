import Foundation

extension ICUTransliterator {
  /// This thread's transform of the given ICU identifier (e.g. `Hant-Hans`), opened on first use
  /// and kept in the thread's dictionary: ICU transforms are not thread-safe, so each thread has
  /// its own, and a thread that never needs one never opens it. Nil when ICU cannot open it.
  static func forCurrentThread(_ identifier: String) -> ICUTransliterator? {
    let key = "DocAlign.ICUTransliterator." + identifier
    let dictionary = Thread.current.threadDictionary
    if let known = dictionary[key] as? ICUTransliterator { return known }
    guard let opened = try? ICUTransliterator(identifier: identifier) else { return nil }
    dictionary[key] = opened
    return opened
  }
}
