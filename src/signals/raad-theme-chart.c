/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-theme-chart.c: signals per theme per quarter as stacked bars, with a legend and the figures in words */

/* Design. One bar per quarter (the last RAAD_THEME_CHART_N_QUARTERS up to the newest signal),
 * stacked by theme in the legend's order, the total above each bar and the count inside each
 * part that has room. Colour is never the only carrier: the legend names every theme with its
 * total, a tooltip names the part under the pointer, and the accessible description (also
 * raad_theme_chart_dup_summary) gives every figure in words. The figures come from one SQL
 * query (RaadSignalStats); a change to signals in the store is coalesced into one idle
 * refresh. Everything is drawn with render nodes (colour rectangles and Pango layouts). */

#define G_LOG_DOMAIN "raad-theme-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-theme-chart.h"

#define PLOT_HEIGHT     200   /* at least; a taller allocation gives up to MAX_PLOT */
#define MAX_PLOT        360
#define LEGEND_GAP      12
#define SWATCH          14
#define LEGEND_SPACING  16
#define MIN_WIDTH       280

struct _RaadThemeChart
{
  GtkWidget        parent_instance;

  RaadStore       *store;
  char            *council_id;
  char            *location;
  char            *theme;
  gulong           changed_id;
  guint            refresh_id;
  RaadSignalStats *stats;
};

G_DEFINE_FINAL_TYPE (RaadThemeChart, raad_theme_chart, GTK_TYPE_WIDGET)

/* Colour-blind-safe first (Okabe & Ito), then GNOME's palette; 1 px gaps part the stack. */
static const guint32 palette[] = {
  0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7, 0x56b4e9, 0xd55e00, 0xf0e442, 0x5e5c64,
  0x9141ac, 0x986a44, 0xa51d2d, 0xc0bfbc,
};

static void
rgba_from_rgb (GdkRGBA *rgba,
               guint32  rgb)
{
  rgba->red = ((rgb >> 16) & 0xff) / 255.f;
  rgba->green = ((rgb >> 8) & 0xff) / 255.f;
  rgba->blue = (rgb & 0xff) / 255.f;
  rgba->alpha = 1.f;
}

static guint32
theme_colour (guint index)
{
  return palette[index % G_N_ELEMENTS (palette)];
}

/* Dark text on light parts, white on dark ones. */
static gboolean
is_light (guint32 rgb)
{
  double r = ((rgb >> 16) & 0xff) / 255.0, g = ((rgb >> 8) & 0xff) / 255.0, b = (rgb & 0xff) / 255.0;

  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45;
}

static const char *
theme_name (const char *theme)
{
  /* TRANSLATORS: the theme of signals that have none */
  return theme != NULL && *theme != '\0' ? theme : _("No theme");
}

/* "Q1" under a bar; the year goes under it on a second line. */
static char *
dup_quarter_short (int quarter)
{
  /* TRANSLATORS: a quarter of the year under a bar of the chart: "Q1" (Dutch: "K1") */
  return g_strdup_printf (_("Q%d"), quarter);
}

static char *
dup_quarter_long (int year,
                  int quarter)
{
  /* TRANSLATORS: a quarter of a year: "Q1 2026" (Dutch: "K1 2026"); %1$d is the quarter */
  return g_strdup_printf (_("Q%1$d %2$d"), quarter, year);
}

/* The first quarter shown: RAAD_THEME_CHART_N_QUARTERS back from today's. */
static char *
dup_range_start (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int key = g_date_time_get_year (now) * 4 + (g_date_time_get_month (now) - 1) / 3;

  key -= RAAD_THEME_CHART_N_QUARTERS - 1;
  return raad_signal_stats_quarter_start (key / 4, key % 4 + 1);
}

/* A round step for the value axis: 1, 2, 5, 10, 20, 50… */
static guint
axis_step (guint max)
{
  guint step = 1;

  while (max / step > 4)
    {
      if (max / (step * 2) <= 4)
        return step * 2;
      if (max / (step * 5) <= 4)
        return step * 5;
      step *= 10;
    }
  return step;
}

static guint
axis_max (guint max)
{
  guint step = axis_step (MAX (max, 1));

  return ((MAX (max, 1) + step - 1) / step) * step;
}

static guint
max_quarter_total (RaadThemeChart *self)
{
  guint max = 0;

  for (guint q = 0; q < raad_signal_stats_get_n_quarters (self->stats); q++)
    max = MAX (max, raad_signal_stats_get_quarter_total (self->stats, q));
  return max;
}

static PangoLayout *
create_layout (RaadThemeChart *self,
               const char     *text,
               gboolean        small,
               gboolean        bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (small || bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      if (small)
        pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      if (bold)
        pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static char *
dup_legend_text (RaadThemeChart *self,
                 guint           theme)
{
  /* TRANSLATORS: a theme in the chart's legend with its number of signals: "Personeel (12)" */
  return g_strdup_printf (_("%s (%u)"), theme_name (raad_signal_stats_get_theme (self->stats, theme)),
                          raad_signal_stats_get_theme_total (self->stats, theme));
}

/* Room for text, from the font in use: large text gets large room. */
typedef struct
{
  int top;         /* above the plot, for the totals */
  int labels;      /* under it, for the quarter and the year */
  int legend_row;
} Spaces;

static int
text_height (RaadThemeChart *self,
             gboolean        small)
{
  g_autoptr(PangoLayout) layout = create_layout (self, "Ag0", small, small);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

static void
get_spaces (RaadThemeChart *self,
            Spaces         *spaces)
{
  int small = text_height (self, TRUE);

  spaces->top = small + 6;
  spaces->labels = 2 * small + 8;
  spaces->legend_row = MAX (text_height (self, FALSE), SWATCH) + 8;
}

/* Places the legend's items in rows within @width; with @snapshot, draws them from @y.
 * Returns its height. */
static int
place_legend (RaadThemeChart *self,
              GtkSnapshot    *snapshot,
              const GdkRGBA  *ink,
              int             width,
              int             row_h,
              int             y)
{
  guint n_themes = self->stats != NULL ? raad_signal_stats_get_n_themes (self->stats) : 0;
  int x = 0, row = 0;

  if (n_themes == 0)
    return 0;

  for (guint t = 0; t < n_themes; t++)
    {
      g_autofree char *text = dup_legend_text (self, t);
      g_autoptr(PangoLayout) layout = create_layout (self, text, FALSE, FALSE);
      int text_w, text_h, item_w;

      pango_layout_set_width (layout, (width - SWATCH - 6) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &text_w, &text_h);
      item_w = SWATCH + 6 + text_w;
      if (x > 0 && x + item_w > width)
        {
          x = 0;
          row++;
        }
      if (snapshot != NULL)
        {
          int top = y + row * row_h;
          GdkRGBA colour;

          rgba_from_rgb (&colour, theme_colour (t));
          gtk_snapshot_append_color (snapshot, &colour,
                                     &GRAPHENE_RECT_INIT (x, top + (row_h - SWATCH) / 2.f,
                                                          SWATCH, SWATCH));
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (x + SWATCH + 6, top + (row_h - text_h) / 2.f));
          gtk_snapshot_append_layout (snapshot, layout, ink);
          gtk_snapshot_restore (snapshot);
        }
      x += item_w + LEGEND_SPACING;
    }
  return (row + 1) * row_h;
}

typedef struct
{
  double plot_x;
  double plot_w;
  double slot;      /* width per quarter */
  double bar_w;
  double plot_h;
  double scale;     /* pixels per signal */
  guint  max;
  Spaces spaces;
} Geometry;

static void
compute_geometry (RaadThemeChart *self,
                  int             width,
                  int             height,
                  Geometry       *g)
{
  guint n = raad_signal_stats_get_n_quarters (self->stats);
  int legend;

  get_spaces (self, &g->spaces);
  legend = place_legend (self, NULL, NULL, width, g->spaces.legend_row, 0);

  g->max = axis_max (max_quarter_total (self));
  {
    /* The value axis is as wide as its widest number. */
    g_autofree char *text = g_strdup_printf ("%u", g->max);
    g_autoptr(PangoLayout) layout = create_layout (self, text, TRUE, FALSE);
    int w, h;

    pango_layout_get_pixel_size (layout, &w, &h);
    g->plot_x = w + 8;
  }
  g->plot_w = MAX (width - g->plot_x, 1);
  g->slot = g->plot_w / MAX (n, 1);
  g->bar_w = MIN (g->slot * 0.7, 72);
  /* A page that gives the chart more room gets taller bars. */
  g->plot_h = CLAMP (height - g->spaces.top - g->spaces.labels - (legend > 0 ? LEGEND_GAP + legend : 0),
                     PLOT_HEIGHT, MAX_PLOT);
  g->scale = g->plot_h / g->max;
}

static void
append_text (RaadThemeChart *self,
             GtkSnapshot    *snapshot,
             PangoLayout    *layout,
             const GdkRGBA  *ink,
             double          x,
             double          y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, ink);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_empty (RaadThemeChart *self,
                GtkSnapshot    *snapshot,
                const GdkRGBA  *ink)
{
  const char *text = self->location != NULL || self->theme != NULL
    ? _("No signals match the filter in the last two years.")
    : _("No signals in the last two years.");
  g_autoptr(PangoLayout) layout = create_layout (self, text, FALSE, FALSE);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int w, h;

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, &w, &h);
  append_text (self, snapshot, layout, ink, 0, (PLOT_HEIGHT - h) / 2.0);
}

static void
snapshot_axis (RaadThemeChart *self,
               GtkSnapshot    *snapshot,
               const Geometry *g,
               const GdkRGBA  *ink)
{
  guint step = axis_step (g->max);
  GdkRGBA rule = *ink;

  rule.alpha = 0.15f;
  for (guint v = 0; v <= g->max; v += step)
    {
      double y = g->spaces.top + g->plot_h - v * g->scale;
      g_autofree char *text = g_strdup_printf ("%u", v);
      g_autoptr(PangoLayout) layout = create_layout (self, text, TRUE, FALSE);
      int w, h;

      gtk_snapshot_append_color (snapshot, &rule,
                                 &GRAPHENE_RECT_INIT (g->plot_x, y - 0.5f, g->plot_w, 1));
      pango_layout_get_pixel_size (layout, &w, &h);
      append_text (self, snapshot, layout, ink, g->plot_x - 6 - w, y - h / 2.0);
    }
}

static void
snapshot_bars (RaadThemeChart *self,
               GtkSnapshot    *snapshot,
               const Geometry *g,
               const GdkRGBA  *ink)
{
  guint n_quarters = raad_signal_stats_get_n_quarters (self->stats);
  guint n_themes = raad_signal_stats_get_n_themes (self->stats);
  GdkRGBA dark = { 0.14f, 0.12f, 0.19f, 1.f };
  GdkRGBA white = { 1.f, 1.f, 1.f, 1.f };
  int prev_year = 0;

  for (guint q = 0; q < n_quarters; q++)
    {
      double x = g->plot_x + q * g->slot + (g->slot - g->bar_w) / 2;
      double bottom = g->spaces.top + g->plot_h;
      guint total = raad_signal_stats_get_quarter_total (self->stats, q);
      g_autofree char *total_text = g_strdup_printf ("%u", total);
      g_autoptr(PangoLayout) total_layout = create_layout (self, total_text, TRUE, TRUE);
      g_autofree char *quarter_text = NULL;
      g_autoptr(PangoLayout) quarter_layout = NULL;
      int year, quarter, w, h;

      for (guint t = 0; t < n_themes; t++)
        {
          guint count = raad_signal_stats_get_count (self->stats, q, t);
          double part = count * g->scale;
          GdkRGBA colour;

          if (count == 0)
            continue;
          rgba_from_rgb (&colour, theme_colour (t));
          /* A 1 px gap above each part, so neighbours of like colour stay apart. */
          gtk_snapshot_append_color (snapshot, &colour,
                                     &GRAPHENE_RECT_INIT (x, bottom - part + 1, g->bar_w,
                                                          MAX (part - 1, 1)));
          if (part >= 16)
            {
              g_autofree char *text = g_strdup_printf ("%u", count);
              g_autoptr(PangoLayout) layout = create_layout (self, text, TRUE, FALSE);

              pango_layout_get_pixel_size (layout, &w, &h);
              if (w + 4 <= g->bar_w && h <= part)
                append_text (self, snapshot, layout,
                             is_light (theme_colour (t)) ? &dark : &white,
                             x + (g->bar_w - w) / 2, bottom - part + (part - h) / 2 + 0.5);
            }
          bottom -= part;
        }

      pango_layout_get_pixel_size (total_layout, &w, &h);
      append_text (self, snapshot, total_layout, ink, x + (g->bar_w - w) / 2, bottom - h - 2);

      /* The year under the first bar and under each first quarter. */
      raad_signal_stats_get_quarter (self->stats, q, &year, &quarter);
      quarter_text = dup_quarter_short (quarter);
      if (year != prev_year)
        {
          char *with_year = g_strdup_printf ("%s\n%d", quarter_text, year);

          g_free (quarter_text);
          quarter_text = with_year;
        }
      prev_year = year;
      quarter_layout = create_layout (self, quarter_text, TRUE, FALSE);
      pango_layout_set_alignment (quarter_layout, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_size (quarter_layout, &w, &h);
      append_text (self, snapshot, quarter_layout, ink,
                   g->plot_x + q * g->slot + (g->slot - w) / 2, g->spaces.top + g->plot_h + 4);
    }
}

/* A keyboard user sees where the focus is: the accent colour around the chart. */
static void
snapshot_focus (RaadThemeChart *self,
                GtkSnapshot    *snapshot)
{
  GdkRGBA accent = { 0.21f, 0.52f, 0.89f, 0.5f };
  GskRoundedRect outline;
  float widths[4] = { 2, 2, 2, 2 };
  GdkRGBA colours[4];

  if (!gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    return;
  for (guint i = 0; i < 4; i++)
    colours[i] = accent;
  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (0, 0,
                                                        gtk_widget_get_width (GTK_WIDGET (self)),
                                                        gtk_widget_get_height (GTK_WIDGET (self))),
                                   6);
  gtk_snapshot_append_border (snapshot, &outline, widths, colours);
}

static void
set_accessible_text (RaadThemeChart *self)
{
  g_autofree char *summary = raad_theme_chart_dup_summary (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Signals per theme per quarter"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

static void
refresh (RaadThemeChart *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;

  g_clear_pointer (&self->stats, raad_signal_stats_unref);
  if (self->store != NULL && self->council_id != NULL)
    {
      from = dup_range_start ();
      self->stats = raad_signal_stats_query (self->store, self->council_id, from, NULL,
                                             self->location, self->theme, &error);
      if (self->stats == NULL)
        g_warning ("Cannot count the signals per theme: %s", error->message);
    }
  set_accessible_text (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  RaadThemeChart *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (RaadStore       *store,
                  const char * const *types,
                  const char * const *ids,
                  RaadThemeChart  *self)
{
  /* No types given: it may concern signals. */
  if ((types != NULL && !g_strv_contains (types, "signal")) || self->refresh_id != 0)
    return;
  self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

static gboolean
query_tooltip_cb (RaadThemeChart *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  Geometry g;
  guint q, n_quarters;
  int year, quarter;
  double bar_x, bottom;
  g_autofree char *label = NULL;
  g_autoptr(GString) text = NULL;

  if (keyboard)
    {
      g_autofree char *summary = raad_theme_chart_dup_summary (self);

      gtk_tooltip_set_text (tooltip, summary);
      return TRUE;
    }
  if (self->stats == NULL || (n_quarters = raad_signal_stats_get_n_quarters (self->stats)) == 0)
    return FALSE;
  compute_geometry (self, gtk_widget_get_width (GTK_WIDGET (self)),
                    gtk_widget_get_height (GTK_WIDGET (self)), &g);
  if (x < g.plot_x || y > g.spaces.top + g.plot_h + g.spaces.labels)
    return FALSE;
  q = (guint) ((x - g.plot_x) / g.slot);
  if (q >= n_quarters)
    return FALSE;
  bar_x = g.plot_x + q * g.slot + (g.slot - g.bar_w) / 2;
  raad_signal_stats_get_quarter (self->stats, q, &year, &quarter);
  label = dup_quarter_long (year, quarter);

  /* Over a part: that theme; elsewhere in the column: the whole quarter. */
  bottom = g.spaces.top + g.plot_h;
  for (guint t = 0; t < raad_signal_stats_get_n_themes (self->stats); t++)
    {
      guint count = raad_signal_stats_get_count (self->stats, q, t);
      double part = count * g.scale;

      if (count > 0 && x >= bar_x && x <= bar_x + g.bar_w && y >= bottom - part && y <= bottom)
        {
          g_autofree char *tip =
            /* TRANSLATORS: a tooltip over a part of a bar: "Personeel, Q1 2026: 4 signals" */
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s: %u signal", "%s, %s: %u signals", count),
                             theme_name (raad_signal_stats_get_theme (self->stats, t)), label, count);
          gtk_tooltip_set_text (tooltip, tip);
          return TRUE;
        }
      bottom -= part;
    }

  text = g_string_new (label);
  for (guint t = 0; t < raad_signal_stats_get_n_themes (self->stats); t++)
    {
      guint count = raad_signal_stats_get_count (self->stats, q, t);

      if (count > 0)
        g_string_append_printf (text, "\n%s: %u",
                                theme_name (raad_signal_stats_get_theme (self->stats, t)), count);
    }
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
raad_theme_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  RaadThemeChart *self = RAAD_THEME_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = 560;
    }
  else
    {
      int width = for_size > 0 ? for_size : 560;
      Spaces spaces;
      int legend;

      get_spaces (self, &spaces);
      legend = place_legend (self, NULL, NULL, width, spaces.legend_row, 0);
      *minimum = *natural = spaces.top + PLOT_HEIGHT + spaces.labels
                            + (legend > 0 ? LEGEND_GAP + legend : 0);
    }
}

static GtkSizeRequestMode
raad_theme_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
raad_theme_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  RaadThemeChart *self = RAAD_THEME_CHART (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA ink;
  Geometry g;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ink);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (self->stats == NULL || raad_signal_stats_get_total (self->stats) == 0)
    {
      snapshot_empty (self, snapshot, &ink);
      snapshot_focus (self, snapshot);
      return;
    }
  compute_geometry (self, width, gtk_widget_get_height (widget), &g);
  snapshot_axis (self, snapshot, &g, &ink);
  snapshot_bars (self, snapshot, &g, &ink);
  place_legend (self, snapshot, &ink, width, g.spaces.legend_row,
                g.spaces.top + g.plot_h + g.spaces.labels + LEGEND_GAP);
  snapshot_focus (self, snapshot);
}

static void
raad_theme_chart_dispose (GObject *object)
{
  RaadThemeChart *self = RAAD_THEME_CHART (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->stats, raad_signal_stats_unref);

  G_OBJECT_CLASS (raad_theme_chart_parent_class)->dispose (object);
}

static void
raad_theme_chart_finalize (GObject *object)
{
  RaadThemeChart *self = RAAD_THEME_CHART (object);

  g_free (self->council_id);
  g_free (self->location);
  g_free (self->theme);

  G_OBJECT_CLASS (raad_theme_chart_parent_class)->finalize (object);
}

static void
raad_theme_chart_class_init (RaadThemeChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raad_theme_chart_dispose;
  object_class->finalize = raad_theme_chart_finalize;
  widget_class->measure = raad_theme_chart_measure;
  widget_class->get_request_mode = raad_theme_chart_get_request_mode;
  widget_class->snapshot = raad_theme_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "themechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
raad_theme_chart_init (RaadThemeChart *self)
{
  /* Focusable, so that keyboard and screen-reader users reach it and hear its figures. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  /* The focus ring comes and goes with the state. */
  g_signal_connect (self, "state-flags-changed", G_CALLBACK (gtk_widget_queue_draw), NULL);
  set_accessible_text (self);
}

GtkWidget *
raad_theme_chart_new (void)
{
  return g_object_new (RAAD_TYPE_THEME_CHART, NULL);
}

void
raad_theme_chart_set_store (RaadThemeChart *self,
                            RaadStore      *store,
                            const char     *council_id)
{
  g_return_if_fail (RAAD_IS_THEME_CHART (self));
  g_return_if_fail (store == NULL || RAAD_IS_STORE (store));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_clear_signal_handler (&self->changed_id, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
    }
  else if (g_strcmp0 (self->council_id, council_id) == 0)
    return;
  g_free (self->council_id);
  self->council_id = g_strdup (council_id);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
}

void
raad_theme_chart_set_filter (RaadThemeChart *self,
                             const char     *location,
                             const char     *theme)
{
  g_return_if_fail (RAAD_IS_THEME_CHART (self));

  if (location != NULL && *location == '\0')
    location = NULL;
  if (theme != NULL && *theme == '\0')
    theme = NULL;
  if (g_strcmp0 (self->location, location) == 0 && g_strcmp0 (self->theme, theme) == 0)
    return;
  g_free (self->location);
  self->location = g_strdup (location);
  g_free (self->theme);
  self->theme = g_strdup (theme);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
}

RaadSignalStats *
raad_theme_chart_get_stats (RaadThemeChart *self)
{
  g_return_val_if_fail (RAAD_IS_THEME_CHART (self), NULL);

  return self->stats;
}

char *
raad_theme_chart_dup_summary (RaadThemeChart *self)
{
  g_autoptr(GString) text = NULL;
  guint n_quarters;

  g_return_val_if_fail (RAAD_IS_THEME_CHART (self), NULL);

  if (self->stats == NULL || raad_signal_stats_get_total (self->stats) == 0)
    return g_strdup (self->location != NULL || self->theme != NULL
                     ? _("No signals match the filter in the last two years.")
                     : _("No signals in the last two years."));

  text = g_string_new (NULL);
  n_quarters = raad_signal_stats_get_n_quarters (self->stats);
  for (guint q = 0; q < n_quarters; q++)
    {
      guint total = raad_signal_stats_get_quarter_total (self->stats, q);
      g_autofree char *label = NULL;
      gboolean first = TRUE;
      int year, quarter;

      raad_signal_stats_get_quarter (self->stats, q, &year, &quarter);
      label = dup_quarter_long (year, quarter);
      if (text->len > 0)
        g_string_append (text, "\n");
      /* TRANSLATORS: a quarter in the chart's description: "Q1 2026: 12 signals" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s: %u signal", "%s: %u signals", total),
                              label, total);
      for (guint t = 0; t < raad_signal_stats_get_n_themes (self->stats); t++)
        {
          guint count = raad_signal_stats_get_count (self->stats, q, t);

          if (count == 0)
            continue;
          g_string_append (text, first ? " — " : ", ");
          g_string_append_printf (text, "%s %u",
                                  theme_name (raad_signal_stats_get_theme (self->stats, t)), count);
          first = FALSE;
        }
      g_string_append (text, ".");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
