/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-theme-chart.h: signals per theme per quarter as stacked bars, with a legend and the figures in words */
#pragma once

#include <gtk/gtk.h>

#include "raad-signal-stats.h"
#include "raad-store.h"

G_BEGIN_DECLS

#define RAAD_TYPE_THEME_CHART (raad_theme_chart_get_type ())
G_DECLARE_FINAL_TYPE (RaadThemeChart, raad_theme_chart, RAAD, THEME_CHART, GtkWidget)

/* How many quarters the chart shows at most: the last two years up to this quarter. */
#define RAAD_THEME_CHART_N_QUARTERS 8

GtkWidget       *raad_theme_chart_new          (void);
/* Shows @council_id's signals of @store, and follows the store's changes to signals. */
void             raad_theme_chart_set_store    (RaadThemeChart *self,
                                                RaadStore      *store,
                                                const char     *council_id);
/* Only signals of @location and/or @theme (NULL: all). */
void             raad_theme_chart_set_filter   (RaadThemeChart *self,
                                                const char     *location,
                                                const char     *theme);
/* The figures shown (NULL without a store). */
RaadSignalStats *raad_theme_chart_get_stats    (RaadThemeChart *self);
/* The figures in words, as the chart's accessible description gives them: for a label or a
 * screen reader. */
char            *raad_theme_chart_dup_summary  (RaadThemeChart *self);

G_END_DECLS
