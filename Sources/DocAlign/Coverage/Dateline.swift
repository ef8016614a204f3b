/// The dateline that opens a press release: a place name written in capitals (or in a script
/// without case, such as Han or Arabic), a date in brackets, and a dash —
/// `GENEVA (7 March 2016) -`, `日内瓦(2016年3月7日)——`, `ЖЕНЕВА (7 марта 2016 года) –`.
///
/// A summary sentence that opens with a dateline introduces the meeting; it is expected to have no
/// counterpart in the full text.
public enum Dateline {
  /// The longest place name accepted, in characters.
  static let maximumPlaceLength = 40
  /// The longest bracketed date accepted, in characters.
  static let maximumDateLength = 40

  /// Whether `text` opens with a dateline (leading white space ignored).
  public static func opens<S: StringProtocol>(_ text: S) -> Bool { prefixLength(of: text) != nil }

  /// The length in characters of the dateline opening `text` (leading white space and the dash
  /// included), or nil when it does not open with one.
  public static func prefixLength<S: StringProtocol>(of text: S) -> Int? {
    let characters = Array(text)
    var i = 0
    while i < characters.count, characters[i].isWhitespace { i += 1 }
    // The place: capitals (with spaces, dots, hyphens, apostrophes) or caseless letters.
    let placeStart = i
    var letters = 0
    while i < characters.count, i - placeStart < maximumPlaceLength {
      let c = characters[i]
      if c.isLetter {
        if c.isLowercase { return nil }
        letters += 1
      } else if !(c == " " || c == "." || c == "-" || c == "'" || c == "’" || c == "·" || c == "\u{00A0}") {
        break
      }
      i += 1
    }
    guard letters >= 2 || (letters == 1 && isCaseless(characters[placeStart])) else { return nil }
    while i < characters.count, characters[i].isWhitespace { i += 1 }
    // The date in round brackets (ASCII or full-width), holding at least one digit.
    guard i < characters.count, characters[i] == "(" || characters[i] == "（" else { return nil }
    i += 1
    let dateStart = i
    var digits = 0
    while i < characters.count, characters[i] != ")" && characters[i] != "）" {
      if characters[i] == "(" || characters[i] == "（" || i - dateStart >= maximumDateLength { return nil }
      if characters[i].isNumber { digits += 1 }
      i += 1
    }
    guard i < characters.count, digits > 0 else { return nil }
    i += 1
    while i < characters.count, characters[i].isWhitespace { i += 1 }
    // One or more dashes.
    let dashStart = i
    while i < characters.count, isDash(characters[i]) { i += 1 }
    return i > dashStart ? i : nil
  }

  /// A letter of a script without case (Han, Arabic …).
  private static func isCaseless(_ c: Character) -> Bool { c.isLetter && !c.isUppercase && !c.isLowercase }

  private static func isDash(_ c: Character) -> Bool {
    ["-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{FF0D}", "\u{2212}"].contains(c)
  }
}
