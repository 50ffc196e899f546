/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-signal-stats.h: signals counted per theme per quarter, and a period's signals, in SQL */
#pragma once

#include "raad-store.h"

G_BEGIN_DECLS

#define RAAD_TYPE_SIGNAL_STATS (raad_signal_stats_get_type ())
typedef struct _RaadSignalStats RaadSignalStats;

GType             raad_signal_stats_get_type        (void) G_GNUC_CONST;

/* Counts the live signals of @council_id received in [@from, @to] (YYYY-MM-DD, inclusive;
 * NULL: open) per theme and quarter, optionally only those of @location and/or @theme (NULL:
 * all). One query; no record objects are made. The quarters run without gaps from the first
 * with a signal to the last; themes are sorted by name, a signal without one counts under "".
 * Returns NULL with @error set when SQLite fails. */
RaadSignalStats  *raad_signal_stats_query           (RaadStore        *store,
                                                     const char       *council_id,
                                                     const char       *from,
                                                     const char       *to,
                                                     const char       *location,
                                                     const char       *theme,
                                                     GError          **error);
RaadSignalStats  *raad_signal_stats_ref             (RaadSignalStats  *self);
void              raad_signal_stats_unref           (RaadSignalStats  *self);

guint             raad_signal_stats_get_n_quarters  (RaadSignalStats  *self);
/* The year and quarter (1–4) of quarter @index. */
void              raad_signal_stats_get_quarter     (RaadSignalStats  *self,
                                                     guint             index,
                                                     int              *year,
                                                     int              *quarter);
guint             raad_signal_stats_get_n_themes    (RaadSignalStats  *self);
const char       *raad_signal_stats_get_theme       (RaadSignalStats  *self,
                                                     guint             index);
guint             raad_signal_stats_get_count       (RaadSignalStats  *self,
                                                     guint             quarter_index,
                                                     guint             theme_index);
guint             raad_signal_stats_get_quarter_total (RaadSignalStats *self,
                                                       guint            quarter_index);
guint             raad_signal_stats_get_theme_total (RaadSignalStats  *self,
                                                     guint             theme_index);
guint             raad_signal_stats_get_total       (RaadSignalStats  *self);

/* The distinct locations and themes of @council_id's live signals, sorted, without empty
 * ones: the choices of the chart's filters. */
GStrv             raad_signal_stats_list_locations  (RaadStore        *store,
                                                     const char       *council_id);
GStrv             raad_signal_stats_list_themes     (RaadStore        *store,
                                                     const char       *council_id);

/* The bodies (JsonObject, new references) of @council_id's live signals received in
 * [@from, @to], oldest first: what a period's report is made of. */
GPtrArray        *raad_signal_stats_list_bodies     (RaadStore        *store,
                                                     const char       *council_id,
                                                     const char       *from,
                                                     const char       *to,
                                                     GError          **error);

/* The first and last day (YYYY-MM-DD) of quarter @quarter (1–4) of @year. */
char             *raad_signal_stats_quarter_start   (int               year,
                                                     int               quarter);
char             *raad_signal_stats_quarter_end     (int               year,
                                                     int               quarter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RaadSignalStats, raad_signal_stats_unref)

G_END_DECLS
