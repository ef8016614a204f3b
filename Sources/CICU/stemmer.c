/* stemmer.c — DocAlign's bridge to the Snowball stemmers (Debian libstemmer-dev). See
 * include/cicu.h. Only this file includes libstemmer.h. */
#include "cicu.h"

#include <libstemmer.h>
#include <stdlib.h>

struct cicu_stemmer {
  struct sb_stemmer *stemmer;
};

cicu_stemmer *cicu_stemmer_open(const char *algorithm) {
  struct sb_stemmer *stemmer = sb_stemmer_new(algorithm, "UTF_8");
  if (!stemmer) return NULL;
  cicu_stemmer *result = calloc(1, sizeof *result);
  if (!result) {
    sb_stemmer_delete(stemmer);
    return NULL;
  }
  result->stemmer = stemmer;
  return result;
}

void cicu_stemmer_close(cicu_stemmer *stemmer) {
  if (!stemmer) return;
  sb_stemmer_delete(stemmer->stemmer);
  free(stemmer);
}

int32_t cicu_stem_utf8(cicu_stemmer *stemmer, const uint8_t *word, int32_t length, uint8_t *out,
                       int32_t capacity) {
  if (!stemmer || length < 0) return -1;
  const sb_symbol *stem = sb_stemmer_stem(stemmer->stemmer, (const sb_symbol *)word, length);
  if (!stem) return -1;
  int32_t size = (int32_t)sb_stemmer_length(stemmer->stemmer);
  if (size <= capacity) {
    for (int32_t k = 0; k < size; k++) out[k] = stem[k];
  }
  return size;
}
