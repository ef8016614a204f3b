/*
 * cicu.h — DocAlign's bridge to the system ICU (libicu-dev).
 *
 * Only plain C types cross this boundary: Swift never sees ICU's headers, whose types clash with
 * the private ICU copy inside Foundation (see docs in README, "ICU bridge").  All text is passed as
 * UTF-8 byte buffers or UTF-16 code-unit buffers owned by the caller.
 *
 * Error convention: functions that can fail take `int32_t *status`; 0 means success, a positive
 * value is an ICU UErrorCode, and cicu_error_name() turns it into text.
 */
#ifndef DOCALIGN_CICU_H
#define DOCALIGN_CICU_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The name of an ICU error code ("U_ILLEGAL_ARGUMENT_ERROR" …). */
const char *cicu_error_name(int32_t status);

/** ICU's version, e.g. "72.1", written into `out` (NUL-terminated). */
void cicu_version(char *out, int32_t capacity);

/* ---- Sentence breaking over UTF-8 ---------------------------------------------------------- */

/** An ICU sentence break iterator for one locale, with a reusable UText over UTF-8. */
typedef struct cicu_sentence_breaker cicu_sentence_breaker;

/** Opens a sentence break iterator for `locale` (e.g. "en@ss=standard"). NULL on failure. */
cicu_sentence_breaker *cicu_sentence_breaker_open(const char *locale, int32_t *status);

/** A new iterator with the same rules, usable on another thread. NULL on failure. */
cicu_sentence_breaker *cicu_sentence_breaker_clone(const cicu_sentence_breaker *breaker,
                                                   int32_t *status);

void cicu_sentence_breaker_close(cicu_sentence_breaker *breaker);

/**
 * Finds the sentence boundaries in `text` (UTF-8, `length` bytes, not copied, need not be
 * NUL-terminated).  Writes the byte offsets of the boundaries after position 0 (the last one is
 * `length`) into `boundaries`, at most `capacity` of them, and returns how many there are.  When
 * the return value exceeds `capacity`, call again with a larger buffer.
 */
int32_t cicu_sentence_breaks_utf8(cicu_sentence_breaker *breaker, const uint8_t *text,
                                  int32_t length, int32_t *boundaries, int32_t capacity,
                                  int32_t *status);

/* ---- Scripts -------------------------------------------------------------------------------- */

/** Letter counts by script over a UTF-8 buffer (invalid bytes are skipped). */
typedef struct cicu_script_counts {
  int32_t han;      /* Han, plus Bopomofo */
  int32_t kana;     /* Hiragana, Katakana */
  int32_t hangul;
  int32_t latin;
  int32_t cyrillic;
  int32_t arabic;
  int32_t greek;
  int32_t other;    /* letters of any other script */
} cicu_script_counts;

/** Counts letters by script (ICU uscript_getScript) in the first `length` bytes of `text`. */
void cicu_count_scripts(const uint8_t *text, int32_t length, cicu_script_counts *counts);

/* ---- Transliteration ----------------------------------------------------------------------- */

typedef struct cicu_transliterator cicu_transliterator;

/** Opens an ICU transform such as "Hant-Hans" or "Han-Latin; Latin-ASCII". NULL on failure. */
cicu_transliterator *cicu_transliterator_open(const char *identifier, int32_t *status);
void cicu_transliterator_close(cicu_transliterator *transliterator);

/**
 * Transliterates UTF-16 `text` in place-free fashion into `out` (capacity in UTF-16 units).
 * Returns the length of the result; when it exceeds `capacity`, call again with more room.
 */
int32_t cicu_transliterate(cicu_transliterator *transliterator, const uint16_t *text,
                           int32_t length, uint16_t *out, int32_t capacity, int32_t *status);

/* ---- CLDR territory names ------------------------------------------------------------------ */

/** Number of ISO 3166 alpha-2 codes ICU knows. */
int32_t cicu_iso_country_count(void);

/** The ISO 3166 alpha-2 code at `index` (0-based), or NULL. The string is owned by ICU. */
const char *cicu_iso_country_at(int32_t index);

/**
 * The CLDR display name of territory `code` ("KW") in language `display_locale` ("zh"),
 * written as UTF-16 into `out`.  Returns its length (0 when ICU has no name of its own).
 */
int32_t cicu_country_display_name(const char *code, const char *display_locale, uint16_t *out,
                                  int32_t capacity, int32_t *status);

/** As `cicu_country_display_name`, in UTF-8 (`capacity` in bytes; not NUL-terminated). */
int32_t cicu_country_display_name_utf8(const char *code, const char *display_locale, char *out,
                                       int32_t capacity, int32_t *status);

/* ---- Canonical decomposition --------------------------------------------------------------- */

/**
 * The full canonical decomposition (NFD) of code point `c`, written as UTF-16 into `out`.
 * Returns its length; -1 when `c` is its own decomposition; -2 when ICU's data is unavailable or
 * `capacity` is too small.
 */
int32_t cicu_canonical_decomposition(int32_t c, uint16_t *out, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
