/* cicu.c — the only file in DocAlign that includes ICU's headers. See include/cicu.h. */
#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

static int32_t status_code(UErrorCode code) { return U_FAILURE(code) ? (int32_t)code : 0; }

const char *cicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

void cicu_version(char *out, int32_t capacity) {
  UVersionInfo info;
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_getVersion(info);
  u_versionToString(info, text);
  if (capacity > 0) {
    strncpy(out, text, (size_t)capacity - 1);
    out[capacity - 1] = 0;
  }
}

/* ---- Sentence breaking ------------------------------------------------------------------- */

struct cicu_sentence_breaker {
  UBreakIterator *iterator;
  UText text;
};

static cicu_sentence_breaker *wrap_iterator(UBreakIterator *iterator) {
  cicu_sentence_breaker *breaker = calloc(1, sizeof *breaker);
  if (!breaker) {
    ubrk_close(iterator);
    return NULL;
  }
  breaker->iterator = iterator;
  UText initial = UTEXT_INITIALIZER;
  breaker->text = initial;
  return breaker;
}

cicu_sentence_breaker *cicu_sentence_breaker_open(const char *locale, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UBreakIterator *iterator = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &code);
  *status = status_code(code);
  if (U_FAILURE(code)) return NULL;
  return wrap_iterator(iterator);
}

cicu_sentence_breaker *cicu_sentence_breaker_clone(const cicu_sentence_breaker *breaker,
                                                   int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UBreakIterator *iterator = ubrk_clone(breaker->iterator, &code);
  *status = status_code(code);
  if (U_FAILURE(code)) return NULL;
  return wrap_iterator(iterator);
}

void cicu_sentence_breaker_close(cicu_sentence_breaker *breaker) {
  if (!breaker) return;
  ubrk_close(breaker->iterator);
  utext_close(&breaker->text);
  free(breaker);
}

int32_t cicu_sentence_breaks_utf8(cicu_sentence_breaker *breaker, const uint8_t *text,
                                  int32_t length, int32_t *boundaries, int32_t capacity,
                                  int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  utext_openUTF8(&breaker->text, (const char *)text, length, &code);
  if (U_FAILURE(code)) { *status = status_code(code); return 0; }
  ubrk_setUText(breaker->iterator, &breaker->text, &code);
  if (U_FAILURE(code)) { *status = status_code(code); return 0; }
  int32_t count = 0;
  ubrk_first(breaker->iterator);
  for (int32_t p = ubrk_next(breaker->iterator); p != UBRK_DONE; p = ubrk_next(breaker->iterator)) {
    if (count < capacity) boundaries[count] = p;
    count++;
  }
  *status = 0;
  return count;
}

/* ---- Scripts ----------------------------------------------------------------------------- */

void cicu_count_scripts(const uint8_t *text, int32_t length, cicu_script_counts *counts) {
  memset(counts, 0, sizeof *counts);
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    uint8_t lead = text[i];
    if (lead < 0x80) { /* ASCII fast path */
      i++;
      if ((lead | 0x20) >= 'a' && (lead | 0x20) <= 'z') counts->latin++;
      continue;
    }
    U8_NEXT(text, i, length, c);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode code = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &code);
    if (U_FAILURE(code)) continue;
    switch (script) {
      case USCRIPT_HAN: case USCRIPT_BOPOMOFO: counts->han++; break;
      case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: counts->kana++; break;
      case USCRIPT_HANGUL: counts->hangul++; break;
      case USCRIPT_LATIN: counts->latin++; break;
      case USCRIPT_CYRILLIC: counts->cyrillic++; break;
      case USCRIPT_ARABIC: counts->arabic++; break;
      case USCRIPT_GREEK: counts->greek++; break;
      default: counts->other++; break;
    }
  }
}

/* ---- Transliteration --------------------------------------------------------------------- */

struct cicu_transliterator {
  UTransliterator *transliterator;
};

cicu_transliterator *cicu_transliterator_open(const char *identifier, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UChar id[256];
  int32_t idLength = 0;
  u_strFromUTF8(id, 256, &idLength, identifier, -1, &code);
  if (U_FAILURE(code)) { *status = status_code(code); return NULL; }
  UTransliterator *t = utrans_openU(id, idLength, UTRANS_FORWARD, NULL, 0, NULL, &code);
  *status = status_code(code);
  if (U_FAILURE(code)) return NULL;
  cicu_transliterator *result = calloc(1, sizeof *result);
  if (!result) { utrans_close(t); return NULL; }
  result->transliterator = t;
  return result;
}

void cicu_transliterator_close(cicu_transliterator *transliterator) {
  if (!transliterator) return;
  utrans_close(transliterator->transliterator);
  free(transliterator);
}

int32_t cicu_transliterate(cicu_transliterator *transliterator, const uint16_t *text,
                           int32_t length, uint16_t *out, int32_t capacity, int32_t *status) {
  /* utrans_transUChars works in place on a buffer with room to grow. */
  int32_t room = length * 4 + 16;
  UChar *buffer = malloc(sizeof(UChar) * (size_t)room);
  if (!buffer) { *status = (int32_t)U_MEMORY_ALLOCATION_ERROR; return 0; }
  memcpy(buffer, text, sizeof(UChar) * (size_t)length);
  int32_t textLength = length, limit = length;
  UErrorCode code = U_ZERO_ERROR;
  utrans_transUChars(transliterator->transliterator, buffer, &textLength, room, 0, &limit, &code);
  if (U_FAILURE(code)) { free(buffer); *status = status_code(code); return 0; }
  if (textLength <= capacity) memcpy(out, buffer, sizeof(UChar) * (size_t)textLength);
  free(buffer);
  *status = 0;
  return textLength;
}

/* ---- CLDR territory names ---------------------------------------------------------------- */

int32_t cicu_iso_country_count(void) {
  const char *const *codes = uloc_getISOCountries();
  int32_t n = 0;
  while (codes[n]) n++;
  return n;
}

const char *cicu_iso_country_at(int32_t index) {
  if (index < 0 || index >= cicu_iso_country_count()) return NULL;
  return uloc_getISOCountries()[index];
}

int32_t cicu_country_display_name(const char *code, const char *display_locale, uint16_t *out,
                                  int32_t capacity, int32_t *status) {
  char locale[16] = "und_";
  strncat(locale, code, 8);
  UErrorCode error = U_ZERO_ERROR;
  int32_t length = uloc_getDisplayCountry(locale, display_locale, out, capacity, &error);
  if (error == U_USING_DEFAULT_WARNING || error == U_USING_FALLBACK_WARNING) {
    /* ICU fell back to the code itself or to another language's name: not a name of its own. */
    if (error == U_USING_DEFAULT_WARNING) { *status = 0; return 0; }
  }
  if (U_FAILURE(error) && error != U_BUFFER_OVERFLOW_ERROR) { *status = status_code(error); return 0; }
  *status = 0;
  return length;
}

int32_t cicu_country_display_name_utf8(const char *code, const char *display_locale, char *out,
                                       int32_t capacity, int32_t *status) {
  UChar name[256];
  int32_t length = cicu_country_display_name(code, display_locale, name, 256, status);
  if (*status != 0 || length <= 0) return 0;
  if (length > 256) { *status = (int32_t)U_BUFFER_OVERFLOW_ERROR; return 0; }
  UErrorCode error = U_ZERO_ERROR;
  int32_t written = 0;
  u_strToUTF8(out, capacity, &written, name, length, &error);
  if (U_FAILURE(error)) { *status = status_code(error); return 0; }
  if (error == U_STRING_NOT_TERMINATED_WARNING || written <= capacity) return written;
  *status = (int32_t)U_BUFFER_OVERFLOW_ERROR;
  return 0;
}

/* ---- Canonical decomposition ----------------------------------------------------------------- */

int32_t cicu_canonical_decomposition(int32_t c, uint16_t *out, int32_t capacity) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *nfd = unorm2_getNFDInstance(&code);
  if (U_FAILURE(code)) return -2;
  int32_t length = unorm2_getDecomposition(nfd, (UChar32)c, out, capacity, &code);
  if (U_FAILURE(code)) return -2;
  return length < 0 ? -1 : length;
}
