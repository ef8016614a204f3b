/* Intentionally empty: this target only carries ICU's pkg-config link flags (icu-uc icu-i18n).
   Swift must never see ICU's headers (they clash with Foundation's private ICU copy). */
