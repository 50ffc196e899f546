/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-stakeholder-map.c: the council in the middle, its parties around it as focusable tiles */
#define G_LOG_DOMAIN "raad-speelveld"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "raad-speelveld-document.h"
#include "raad-stakeholder-map.h"

/* Every party is a real button (a tile) placed by this widget's own size_allocate, so that
 * keyboard focus, activation and a screen reader reach it; the lines to the council and the
 * grid behind the tiles are drawn in snapshot. Places are kept as fractions of the field
 * (0…1), the same numbers the store keeps, so a window of any size shows the same picture.
 * A drag frame only re-allocates: the pointer's place overrides the dragged tile's place, and
 * the store is written once, on release. Zoom scales the tiles with a transform and makes
 * the field larger than the window (it then scrolls).
 *
 * The first frame has to lay out and paint sixty tiles, so a tile is one widget: a GtkButton
 * (focus, click, Enter, the accessible role and the card style stay GTK's) without children,
 * that lays out and draws its own lines of text with PangoLayouts it keeps; they are made
 * again only when a text, the font or the width they wrap at changes, and measuring and
 * drawing use the same layouts. The lines to the council are painted once into one image
 * (links_node_new), through a RaadSpeelveldLinkCache that keeps their labels and fills their
 * dashes as shapes; a drag redraws only the dragged tile's line. */

#define BASE_WIDTH  720
#define BASE_HEIGHT 520
#define AXIS_START  44   /* room for the influence axis, left of the grid */
#define AXIS_BOTTOM 40   /* room for the interest axis, below the grid */
#define EDGE        8
#define LINK_SCALE  1.4  /* the export's link labels are sized for paper */

#define MAX_CHARS    18  /* a tile's text wraps at this many average characters */
#define TILE_SPACING 2   /* between the lines of a tile, and the name and mark of a chip */
#define MARK_PADDING 8   /* left and right inside the overdue mark; half of it on a chip */
#define MARK_ICON    16
#define MARK_SPACING 4   /* between the mark's icon and its text */

typedef enum
{
  PART_NAME,
  PART_CATEGORY,
  PART_PERSON,
  PART_MARK,
  N_PARTS
} Part;

/* As the labels a tile used to be made of: libadwaita's .heading, .caption (with .dim-label
 * for the category) and .caption-heading, in points as they are. */
static const struct
{
  PangoWeight weight;
  int         size;
  int         lines;   /* at most, ellipsized after; 0: one line, not wrapped */
} part_styles[N_PARTS] = {
  [PART_NAME] = { PANGO_WEIGHT_BOLD, 11, 3 },
  [PART_CATEGORY] = { PANGO_WEIGHT_NORMAL, 9, 2 },
  [PART_PERSON] = { PANGO_WEIGHT_NORMAL, 9, 2 },
  [PART_MARK] = { PANGO_WEIGHT_BOLD, 9, 0 },
};

/* The overdue mark's colours (ink, fill), overdue and due soon. */
static const GdkRGBA mark_colours[2][2] = {
  { { 0xa5 / 255.0, 0x1d / 255.0, 0x2d / 255.0, 1 }, { 0xfb / 255.0, 0xe3 / 255.0, 0xe4 / 255.0, 1 } },
  { { 0x61 / 255.0, 0x35 / 255.0, 0x83 / 255.0, 1 }, { 0xf0 / 255.0, 0xe6 / 255.0, 0xf6 / 255.0, 1 } },
};

/* A tile: see the top of the file. */
#define RAAD_TYPE_PARTY_TILE (raad_party_tile_get_type ())
G_DECLARE_FINAL_TYPE (RaadPartyTile, raad_party_tile, RAAD, PARTY_TILE, GtkButton)

struct _RaadPartyTile
{
  GtkButton     parent_instance;

  char         *texts[N_PARTS];      /* NULL: not shown */
  PangoLayout  *layouts[N_PARTS];    /* made on demand */
  guint         generation;          /* of the map's text style the layouts were made with */
  int           name_width;          /* the width a chip's name wraps at, -1: as on the map */
  gboolean      compact;
  gboolean      soon;                /* the mark says "due soon", not "overdue" */
};

G_DEFINE_FINAL_TYPE (RaadPartyTile, raad_party_tile, GTK_TYPE_BUTTON)

typedef struct
{
  RaadStakeholderMap *map;
  RaadStakeholder    *party;
  GtkWidget          *button;   /* a RaadPartyTile */
  RaadContactState    state;
  char               *description;
  double              x, y;        /* place on the map, 0…1 */
  double              gx, gy;      /* place on the grid, 0…1 */
  double              cx, cy;      /* centre as last allocated, widget coordinates */
  int                 width, height;  /* natural size on the map, unscaled */
  char               *shown;          /* what the tile shows, to skip an update that changes nothing */
  GskRenderNode      *link;           /* the line to the council, as last drawn */
  double              link_x, link_y; /* the centre it was drawn from */
} Tile;

struct _RaadStakeholderMap
{
  GtkWidget   parent_instance;

  GPtrArray  *tiles;       /* Tile, in list order (the focus order) */
  GHashTable *by_id;       /* party id → Tile */
  GtkWidget  *council;
  gboolean    grid;
  double      zoom;

  /* The field as last allocated: where fractions 0 and 1 fall. */
  double      field_x, field_y, field_w, field_h;
  double      scale;     /* of the tiles on the map */
  double      council_x, council_y;   /* where the links of the tiles end */

  /* The fonts of the tiles' texts, made from this widget's Pango context. */
  guint       text_serial;      /* of the context they were made for */
  guint       text_generation;  /* bumped when they change */
  PangoFontDescription *fonts[N_PARTS];
  int         wrap_widths[N_PARTS];   /* MAX_CHARS average characters, in pixels */
  GtkIconPaintable *mark_icons[2];    /* overdue, due soon */

  GskRenderNode *links;         /* the lines of all tiles but links_except, as last drawn */
  RaadSpeelveldLinkCache *link_cache;
  Tile       *links_except;     /* the dragged tile (its line is drawn on its own), or NULL */
  int         links_width, links_height, links_scale;
  GskRenderNode *grid_node;     /* the grid's quadrants and axes, as last drawn */
  int         grid_width, grid_height;

  GtkGesture *drag;
  Tile       *dragged;
  gboolean    dragging;
  double      drag_cx, drag_cy;      /* the dragged tile's centre now */
  double      drag_start_cx, drag_start_cy;
};

G_DEFINE_FINAL_TYPE (RaadStakeholderMap, raad_stakeholder_map, GTK_TYPE_WIDGET)

enum {
  PARTY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void tile_set_compact (Tile     *tile,
                              gboolean  compact);

/* Text style */

/* The tiles' fonts and wrap widths for this widget's Pango context as it is now; a change (a
 * font setting, the text scale) bumps text_generation, and the tiles make their layouts anew. */
static void
ensure_text_style (RaadStakeholderMap *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *base;
  guint serial = pango_context_get_serial (context);

  if (self->fonts[0] != NULL && serial == self->text_serial)
    return;

  base = pango_context_get_font_description (context);
  for (guint i = 0; i < N_PARTS; i++)
    {
      PangoFontDescription *font = pango_font_description_copy (base);
      PangoFontMetrics *metrics;

      pango_font_description_set_weight (font, part_styles[i].weight);
      /* Points at the context's resolution, which GTK sets to the CSS dpi, as CSS's pt are. */
      pango_font_description_set_size (font, part_styles[i].size * PANGO_SCALE);
      /* As GtkLabel's max-width-chars counts characters. */
      metrics = pango_context_get_metrics (context, font, NULL);
      self->wrap_widths[i] = PANGO_PIXELS_CEIL (MAX_CHARS * MAX (pango_font_metrics_get_approximate_char_width (metrics),
                                                                 pango_font_metrics_get_approximate_digit_width (metrics)));
      pango_font_metrics_unref (metrics);
      g_clear_pointer (&self->fonts[i], pango_font_description_free);
      self->fonts[i] = font;
    }
  g_clear_pointer (&self->grid_node, gsk_render_node_unref);
  /* The context's serial after our own questions, which may have settled it. */
  self->text_serial = pango_context_get_serial (context);
  self->text_generation++;
}

/* Party tiles */

static RaadStakeholderMap *
tile_map (RaadPartyTile *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  return RAAD_IS_STAKEHOLDER_MAP (parent) ? RAAD_STAKEHOLDER_MAP (parent) : NULL;
}

static void
party_tile_clear_layouts (RaadPartyTile *self)
{
  for (guint i = 0; i < N_PARTS; i++)
    g_clear_object (&self->layouts[i]);
}

/* The layout of a part, made when first asked for: on the map it wraps at MAX_CHARS
 * characters, centred (the tile centres it in its own width when it draws); a chip's name is
 * left-aligned and wraps at the width the chip has. */
static PangoLayout *
party_tile_get_layout (RaadPartyTile *self,
                       Part           part)
{
  RaadStakeholderMap *map = tile_map (self);
  PangoLayout *layout;

  if (map == NULL || self->texts[part] == NULL)
    return NULL;
  ensure_text_style (map);
  if (self->generation != map->text_generation)
    {
      party_tile_clear_layouts (self);
      self->generation = map->text_generation;
    }
  if (self->layouts[part] != NULL)
    return self->layouts[part];

  layout = pango_layout_new (gtk_widget_get_pango_context (GTK_WIDGET (map)));
  pango_layout_set_font_description (layout, map->fonts[part]);
  if (part_styles[part].lines > 0)
    {
      gboolean chip = self->compact && part == PART_NAME;

      pango_layout_set_wrap (layout, part == PART_NAME && !chip ? PANGO_WRAP_WORD : PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -part_styles[part].lines);
      pango_layout_set_alignment (layout, chip ? PANGO_ALIGN_LEFT : PANGO_ALIGN_CENTER);
      pango_layout_set_width (layout, PANGO_SCALE * (chip && self->name_width >= 0 ? self->name_width
                                                                                  : map->wrap_widths[part]));
    }
  pango_layout_set_text (layout, self->texts[part], -1);
  self->layouts[part] = layout;
  return layout;
}

/* The size of a part's text: the widest of its lines (a centred layout's own width is the
 * width it wraps at), and the height of all. */
static void
layout_get_size (PangoLayout *layout,
                 int         *width,
                 int         *height)
{
  PangoLayoutIter *iter;
  PangoRectangle logical;
  int widest = 0;

  if (layout == NULL)
    {
      *width = *height = 0;
      return;
    }
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  *height = logical.height;
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle line;

      pango_layout_iter_get_line_extents (iter, NULL, &line);
      widest = MAX (widest, PANGO_PIXELS_CEIL (line.width));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  *width = widest;
}

/* The mark: a pill with an icon and (not on a chip) its text. */
static void
party_tile_get_mark_size (RaadPartyTile *self,
                          int           *width,
                          int           *height)
{
  int text_width = 0, text_height = 0;

  if (self->texts[PART_MARK] == NULL)
    {
      *width = *height = 0;
      return;
    }
  if (self->compact)
    {
      *width = MARK_PADDING + MARK_ICON;
      *height = MARK_ICON;
      return;
    }
  layout_get_size (party_tile_get_layout (self, PART_MARK), &text_width, &text_height);
  *width = 2 * MARK_PADDING + MARK_ICON + MARK_SPACING + text_width;
  *height = MAX (MARK_ICON, text_height);
}

/* A chip's name wraps at what the chip leaves it: the layout is made again only when that
 * width changes. */
static void
party_tile_set_name_width (RaadPartyTile *self,
                           int            width)
{
  RaadStakeholderMap *map = tile_map (self);

  if (!self->compact || self->name_width == width)
    return;
  self->name_width = width;
  if (self->layouts[PART_NAME] != NULL && map != NULL)
    pango_layout_set_width (self->layouts[PART_NAME],
                            PANGO_SCALE * (width >= 0 ? MAX (width, 1) : map->wrap_widths[PART_NAME]));
}

/* A chip's name wraps: its height depends on its width. */
static GtkSizeRequestMode
raad_party_tile_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
raad_party_tile_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  RaadPartyTile *self = RAAD_PARTY_TILE (widget);
  int mark_width, mark_height, width, height;

  party_tile_get_mark_size (self, &mark_width, &mark_height);

  if (self->compact)
    {
      int mark_room = mark_width > 0 ? mark_width + TILE_SPACING : 0;
      RaadStakeholderMap *map = tile_map (self);

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* At least a few characters of the name; at most its whole width. */
          party_tile_set_name_width (self, -1);
          layout_get_size (party_tile_get_layout (self, PART_NAME), &width, &height);
          *minimum = mark_room + MIN (width, map != NULL ? 3 * map->wrap_widths[PART_NAME] / MAX_CHARS : width);
          *natural = mark_room + width;
        }
      else
        {
          if (for_size >= 0)
            party_tile_set_name_width (self, MAX (for_size - mark_room, 1));
          layout_get_size (party_tile_get_layout (self, PART_NAME), &width, &height);
          *minimum = *natural = MAX (height, mark_height);
        }
      return;
    }

  /* On the map: the lines under each other, each at its natural width; the tile is as wide
   * as the widest, whatever it is offered. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int widest = mark_width;

      for (Part part = PART_NAME; part < PART_MARK; part++)
        {
          layout_get_size (party_tile_get_layout (self, part), &width, &height);
          widest = MAX (widest, width);
        }
      *minimum = *natural = widest;
    }
  else
    {
      int total = 0;
      guint shown = 0;

      for (Part part = PART_NAME; part < PART_MARK; part++)
        if (self->texts[part] != NULL)
          {
            layout_get_size (party_tile_get_layout (self, part), &width, &height);
            total += height;
            shown++;
          }
      if (mark_height > 0)
        {
          total += mark_height;
          shown++;
        }
      *minimum = *natural = total + TILE_SPACING * (shown > 0 ? shown - 1 : 0);
    }
}

static void
snapshot_mark (RaadPartyTile *self,
               GtkSnapshot   *snapshot,
               double         x,
               double         y,
               int            width,
               int            height)
{
  RaadStakeholderMap *map = tile_map (self);
  const GdkRGBA *colours = mark_colours[self->soon ? 1 : 0];
  GtkIconPaintable **icon = &map->mark_icons[self->soon ? 1 : 0];
  double padding = self->compact ? MARK_PADDING / 2 : MARK_PADDING;
  GskRoundedRect pill;

  gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (x, y, width, height), height / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &pill);
  gtk_snapshot_append_color (snapshot, &colours[1], &pill.bounds);
  gtk_snapshot_pop (snapshot);

  if (*icon == NULL)
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));

      *icon = gtk_icon_theme_lookup_icon (theme, self->soon ? "alarm-symbolic" : "dialog-warning-symbolic",
                                          NULL, MARK_ICON, gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                          gtk_widget_get_direction (GTK_WIDGET (self)), 0);
    }
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + padding, y + (height - MARK_ICON) / 2.0));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (*icon), snapshot, MARK_ICON, MARK_ICON,
                                            &colours[0], 1);
  gtk_snapshot_restore (snapshot);

  if (!self->compact)
    {
      PangoLayout *layout = party_tile_get_layout (self, PART_MARK);
      int text_width, text_height;

      layout_get_size (layout, &text_width, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + padding + MARK_ICON + MARK_SPACING,
                                                              y + (height - text_height) / 2.0));
      gtk_snapshot_append_layout (snapshot, layout, &colours[0]);
      gtk_snapshot_restore (snapshot);
    }
}

static void
raad_party_tile_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  RaadPartyTile *self = RAAD_PARTY_TILE (widget);
  RaadStakeholderMap *map = tile_map (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int mark_width, mark_height, text_width, text_height;
  GdkRGBA colour, dim;
  double y = 0;

  if (map == NULL)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = colour;
  dim.alpha *= 0.55;   /* .dim-label */
  party_tile_get_mark_size (self, &mark_width, &mark_height);

  if (self->compact)
    {
      PangoLayout *layout;

      party_tile_set_name_width (self, MAX (width - (mark_width > 0 ? mark_width + TILE_SPACING : 0), 1));
      layout = party_tile_get_layout (self, PART_NAME);
      layout_get_size (layout, &text_width, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (height - text_height) / 2.0));
      gtk_snapshot_append_layout (snapshot, layout, &colour);
      gtk_snapshot_restore (snapshot);
      if (mark_width > 0)
        /* As tall as the chip, as the mark box filled it. */
        snapshot_mark (self, snapshot, width - mark_width, 0, mark_width, height);
      return;
    }

  for (Part part = PART_NAME; part < PART_MARK; part++)
    {
      PangoLayout *layout = party_tile_get_layout (self, part);

      if (layout == NULL)
        continue;
      layout_get_size (layout, &text_width, &text_height);
      /* The layout centres its lines in the width it wraps at; that width centred in ours. */
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - map->wrap_widths[part]) / 2.0, y));
      gtk_snapshot_append_layout (snapshot, layout, part == PART_CATEGORY ? &dim : &colour);
      gtk_snapshot_restore (snapshot);
      y += text_height + TILE_SPACING;
    }
  if (mark_width > 0)
    snapshot_mark (self, snapshot, round ((width - mark_width) / 2.0), y, mark_width, mark_height);
}

static void
raad_party_tile_finalize (GObject *object)
{
  RaadPartyTile *self = RAAD_PARTY_TILE (object);

  party_tile_clear_layouts (self);
  for (guint i = 0; i < N_PARTS; i++)
    g_free (self->texts[i]);

  G_OBJECT_CLASS (raad_party_tile_parent_class)->finalize (object);
}

static void
raad_party_tile_class_init (RaadPartyTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = raad_party_tile_finalize;
  widget_class->get_request_mode = raad_party_tile_get_request_mode;
  widget_class->measure = raad_party_tile_measure;
  widget_class->snapshot = raad_party_tile_snapshot;
  gtk_widget_class_set_css_name (widget_class, "button");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
raad_party_tile_init (RaadPartyTile *self)
{
  self->name_width = -1;
  /* No child: the tile measures and draws its text itself (GtkButton's bin layout would
   * measure a child). */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
}

/* Sets what the tile shows; returns whether anything changed. */
static gboolean
party_tile_set_text (RaadPartyTile *self,
                     Part           part,
                     const char    *text)
{
  if (g_strcmp0 (self->texts[part], text) == 0)
    return FALSE;
  g_free (self->texts[part]);
  self->texts[part] = g_strdup (text);
  g_clear_object (&self->layouts[part]);
  return TRUE;
}

static void
party_tile_set_compact (RaadPartyTile *self,
                        gboolean       compact)
{
  compact = !!compact;
  if (self->compact == compact)
    return;
  self->compact = compact;
  self->name_width = -1;
  /* The name wraps and aligns otherwise; the mark loses its text. */
  g_clear_object (&self->layouts[PART_NAME]);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Helpers */

static void
tile_free (Tile *tile)
{
  g_clear_object (&tile->party);
  g_clear_pointer (&tile->link, gsk_render_node_unref);
  g_free (tile->shown);
  g_free (tile->description);
  if (tile->button != NULL)
    {
      g_object_set_data (G_OBJECT (tile->button), "raad-tile", NULL);
      gtk_widget_unparent (tile->button);
    }
  g_free (tile);
}

static Tile *
tile_of (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (button), "raad-tile");
}

static Tile *
focused_tile (RaadStakeholderMap *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (gtk_widget_get_parent (focus) == GTK_WIDGET (self))
      return tile_of (focus);
  return NULL;
}

static const char *
mark_text (RaadContactDue *due)
{
  switch (due->state)
    {
    case RAAD_CONTACT_OVERDUE:
      return due->last_contact == NULL ? _("Never spoken to") : _("Overdue");
    case RAAD_CONTACT_DUE_SOON:
      return _("Due soon");
    case RAAD_CONTACT_NO_RHYTHM:
    case RAAD_CONTACT_ON_TRACK:
    default:
      return NULL;
    }
}

static char *
describe (RaadContactDue *due)
{
  RaadRecord *party = RAAD_RECORD (due->party);
  const char *person = raad_record_get_string (party, "contact-person");
  const char *right = raad_record_get_string (party, "formal-right");
  const char *relation = raad_record_get_string (party, "relation");
  GString *text = g_string_new (raad_speelveld_category_title (raad_record_get_string (party, "category")));

  if (person != NULL)
    /* Translators: in the description of a party on the playing field */
    g_string_append_printf (text, ". %s: %s", _("Contact person"), person);
  if (relation != NULL)
    g_string_append_printf (text, ". %s: %s", _("Relation"), raad_speelveld_relation_title (relation));
  if (right != NULL)
    g_string_append_printf (text, ". %s: %s", _("Formal right"), raad_speelveld_right_title (right));
  if (due->state == RAAD_CONTACT_OVERDUE && due->last_contact == NULL)
    g_string_append_printf (text, ". %s", _("Overdue: never spoken to"));
  else if (due->state == RAAD_CONTACT_OVERDUE)
    g_string_append_printf (text, ". %s", _("Overdue"));
  else if (due->state == RAAD_CONTACT_DUE_SOON)
    g_string_append_printf (text, ". %s", _("Due soon"));
  if (due->last_contact != NULL)
    g_string_append_printf (text, ". %s: %s", _("Last contact"), due->last_contact);
  if (due->due != NULL)
    g_string_append_printf (text, ". %s: %s", _("Next contact due"), due->due);
  return g_string_free (text, FALSE);
}

static void
tile_clicked_cb (GtkButton *button,
                 gpointer   data)
{
  Tile *tile = tile_of (GTK_WIDGET (button));

  if (tile != NULL)
    g_signal_emit (tile->map, signals[PARTY_ACTIVATED], 0, tile->party);
}

static Tile *
tile_new (RaadStakeholderMap *self,
          RaadStakeholder    *party)
{
  Tile *tile = g_new0 (Tile, 1);

  tile->map = self;
  tile->party = g_object_ref (party);
  tile->button = g_object_new (RAAD_TYPE_PARTY_TILE, NULL);
  gtk_widget_set_name (tile->button, "party");
  gtk_widget_add_css_class (tile->button, "card");
  gtk_widget_add_css_class (tile->button, "raad-party-tile");
  g_object_set_data (G_OBJECT (tile->button), "raad-tile", tile);
  g_signal_connect (tile->button, "clicked", G_CALLBACK (tile_clicked_cb), NULL);
  gtk_widget_set_parent (tile->button, GTK_WIDGET (self));
  return tile;
}

static void
tile_update (Tile           *tile,
             RaadContactDue *due,
             gboolean        grid)
{
  RaadRecord *party = RAAD_RECORD (due->party);
  const char *name = raad_record_get_string (party, "name");
  const char *person = raad_record_get_string (party, "contact-person");
  const char *mark = mark_text (due);
  RaadPartyTile *button = RAAD_PARTY_TILE (tile->button);
  gboolean changed;
  g_autofree char *shown = g_strdup_printf ("%s|%d|%s|%s|%d|%d", raad_record_get_rev (party),
                                            due->state, due->last_contact, due->due,
                                            due->days_overdue, grid);

  if (g_strcmp0 (shown, tile->shown) == 0 && tile->party == due->party)
    return;
  g_free (tile->shown);
  tile->shown = g_steal_pointer (&shown);
  g_set_object (&tile->party, due->party);
  tile->state = due->state;
  /* Relation and right may have changed: the link is drawn again. */
  g_clear_pointer (&tile->link, gsk_render_node_unref);
  g_clear_pointer (&tile->map->links, gsk_render_node_unref);
  changed = party_tile_set_text (button, PART_NAME, name != NULL ? name : _("Unnamed party"));
  changed |= party_tile_set_text (button, PART_CATEGORY,
                                  raad_speelveld_category_title (raad_record_get_string (party, "category")));
  changed |= party_tile_set_text (button, PART_PERSON, person);
  changed |= party_tile_set_text (button, PART_MARK, mark);
  if (button->soon != (due->state == RAAD_CONTACT_DUE_SOON))
    {
      button->soon = due->state == RAAD_CONTACT_DUE_SOON;
      gtk_widget_queue_draw (tile->button);
    }
  if (changed)
    gtk_widget_queue_resize (tile->button);
  tile_set_compact (tile, grid);
  if (due->state == RAAD_CONTACT_OVERDUE)
    gtk_widget_add_css_class (tile->button, "overdue");
  else
    gtk_widget_remove_css_class (tile->button, "overdue");

  g_free (tile->description);
  tile->description = describe (due);
  gtk_widget_set_tooltip_text (tile->button, tile->description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tile->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name != NULL ? name : _("Unnamed party"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tile->description,
                                  -1);
}

/* On the grid a tile is a one-line chip (the mark an icon after the name; its text stays in
 * the description) so that several fit in a cell. */
static void
tile_set_compact (Tile     *tile,
                  gboolean  compact)
{
  party_tile_set_compact (RAAD_PARTY_TILE (tile->button), compact);
  if (compact)
    gtk_widget_add_css_class (tile->button, "compact");
  else
    gtk_widget_remove_css_class (tile->button, "compact");
}

static void
update_compact (RaadStakeholderMap *self)
{
  for (guint i = 0; i < self->tiles->len; i++)
    tile_set_compact (g_ptr_array_index (self->tiles, i), self->grid);
  gtk_widget_set_child_visible (self->council, !self->grid);
}

static double
to_fraction (double value,
             double start,
             double length)
{
  return length > 0 ? CLAMP ((value - start) / length, 0.0, 1.0) : 0.5;
}

/* As the export places boxes: the fraction of the whole field, the tile kept inside it. */
static double
clamp_centre (double value,
              double start,
              double length,
              double half)
{
  if (length <= 2 * (half + EDGE))
    return start + length / 2;
  return CLAMP (value, start + half + EDGE, start + length - half - EDGE);
}

static void
centre_of (RaadStakeholderMap *self,
           Tile               *tile,
           double             *cx,
           double             *cy)
{
  double half_w = self->scale * tile->width / 2;
  double half_h = self->scale * tile->height / 2;

  if (self->dragging && tile == self->dragged)
    {
      *cx = clamp_centre (self->drag_cx, self->field_x, self->field_w, half_w);
      *cy = clamp_centre (self->drag_cy, self->field_y, self->field_h, half_h);
    }
  else
    {
      *cx = clamp_centre (self->field_x + tile->x * self->field_w, self->field_x, self->field_w, half_w);
      *cy = clamp_centre (self->field_y + tile->y * self->field_h, self->field_y, self->field_h, half_h);
    }
}

static void
allocate_centred (GtkWidget *child,
                  double     cx,
                  double     cy,
                  double     scale)
{
  int width, height;
  GskTransform *transform;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (round (cx - scale * width / 2),
                                                                   round (cy - scale * height / 2)));
  if (scale != 1.0)
    transform = gsk_transform_scale (transform, scale, scale);
  gtk_widget_allocate (child, width, height, -1, transform);
}

static guint
level_of (RaadStakeholder *party,
          const char      *field)
{
  guint level = 0;

  g_object_get (party, field, &level, NULL);
  return CLAMP (level, 1, 5) - 1;
}

/* The grid: the chips of one cell stacked in its middle, in one column or, when that is too
 * tall, in two. */
static void
allocate_grid (RaadStakeholderMap *self)
{
  double cell_w = self->field_w / 5;
  double cell_h = self->field_h / 5;

  for (guint column = 0; column < 5; column++)
    for (guint row = 0; row < 5; row++)
      {
        g_autoptr(GPtrArray) cell = g_ptr_array_new ();
        int heights[64];
        guint columns = 1, rows;
        double chip_w, total = 0, y;

        for (guint i = 0; i < self->tiles->len; i++)
          {
            Tile *tile = g_ptr_array_index (self->tiles, i);

            if (level_of (tile->party, "interest") == column
                && 4 - level_of (tile->party, "influence") == row && cell->len < G_N_ELEMENTS (heights))
              g_ptr_array_add (cell, tile);
          }
        if (cell->len == 0)
          continue;

        for (;;)
          {
            chip_w = (cell_w - 8 - 4 * (columns - 1)) / columns;
            rows = (cell->len + columns - 1) / columns;
            total = 0;
            for (guint r = 0; r < rows; r++)
              {
                int row_h = 0;

                for (guint c = 0; c < columns && r * columns + c < cell->len; c++)
                  {
                    Tile *tile = g_ptr_array_index (cell, r * columns + c);
                    int min_w, h;

                    gtk_widget_measure (tile->button, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
                    gtk_widget_measure (tile->button, GTK_ORIENTATION_VERTICAL, MAX (min_w, (int) chip_w),
                                        NULL, &h, NULL, NULL);
                    row_h = MAX (row_h, h);
                  }
                heights[r] = row_h;
                total += row_h + (r > 0 ? 4 : 0);
              }
            if (total <= cell_h - 6 || columns >= 2)
              break;
            columns++;
          }

        y = self->field_y + row * cell_h + MAX ((cell_h - total) / 2, 3);
        for (guint r = 0; r < rows; r++)
          {
            for (guint c = 0; c < columns && r * columns + c < cell->len; c++)
              {
                Tile *tile = g_ptr_array_index (cell, r * columns + c);
                int min_w;
                double x = self->field_x + column * cell_w + 4 + c * (chip_w + 4);

                gtk_widget_measure (tile->button, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
                tile->cx = x + chip_w / 2;
                tile->cy = y + heights[r] / 2.0;
                gtk_widget_allocate (tile->button, MAX (min_w, (int) chip_w), heights[r], -1,
                                     gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (round (x), round (y))));
              }
            y += heights[r] + 4;
          }
      }
}

static PangoLayout *
new_layout (RaadStakeholderMap *self,
            const char         *text,
            gboolean            bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static void
show_text (RaadStakeholderMap *self,
           cairo_t            *cr,
           const char         *text,
           double              x,
           double              y,
           double              align,   /* 0 left, 0.5 centre, 1 right of x */
           gboolean            bold)
{
  g_autoptr(PangoLayout) layout = new_layout (self, text, bold);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - align * width, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_grid (RaadStakeholderMap *self,
           cairo_t            *cr)
{
  double x = self->field_x, y = self->field_y, w = self->field_w, h = self->field_h;
  /* Interest 3 and up, influence 3 and up count as much: the quadrants split at 2/5 across
   * and 3/5 down (influence goes up). */
  double split_x = x + 0.4 * w, split_y = y + 0.6 * h;
  struct { RaadQuadrant quadrant; double x, y, w, h; double r, g, b; } quadrants[] = {
    { RAAD_QUADRANT_KEEP_SATISFIED, x, y, split_x - x, split_y - y, 0.98, 0.95, 0.86 },
    { RAAD_QUADRANT_MANAGE_CLOSELY, split_x, y, x + w - split_x, split_y - y, 0.99, 0.89, 0.87 },
    { RAAD_QUADRANT_MONITOR, x, split_y, split_x - x, y + h - split_y, 0.93, 0.94, 0.95 },
    { RAAD_QUADRANT_KEEP_INFORMED, split_x, split_y, x + w - split_x, y + h - split_y, 0.88, 0.93, 0.98 },
  };
  char number[2] = "0";

  for (guint i = 0; i < G_N_ELEMENTS (quadrants); i++)
    {
      cairo_set_source_rgb (cr, quadrants[i].r, quadrants[i].g, quadrants[i].b);
      cairo_rectangle (cr, quadrants[i].x, quadrants[i].y, quadrants[i].w, quadrants[i].h);
      cairo_fill (cr);
    }

  /* Cell lines, then the quadrant borders. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
  cairo_set_line_width (cr, 1);
  for (int i = 1; i < 5; i++)
    {
      cairo_move_to (cr, round (x + i * w / 5) + 0.5, y);
      cairo_line_to (cr, round (x + i * w / 5) + 0.5, y + h);
      cairo_move_to (cr, x, round (y + i * h / 5) + 0.5);
      cairo_line_to (cr, x + w, round (y + i * h / 5) + 0.5);
    }
  cairo_stroke (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.55);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, split_x, y);
  cairo_line_to (cr, split_x, y + h);
  cairo_move_to (cr, x, split_y);
  cairo_line_to (cr, x + w, split_y);
  cairo_rectangle (cr, x, y, w, h);
  cairo_stroke (cr);

  /* Quadrant titles in their outer corners, where tiles of the corner cells rarely are. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.75);
  show_text (self, cr, raad_speelveld_quadrant_title (RAAD_QUADRANT_KEEP_SATISFIED), x + 6, y + 4, 0, TRUE);
  show_text (self, cr, raad_speelveld_quadrant_title (RAAD_QUADRANT_MANAGE_CLOSELY), x + w - 6, y + 4, 1, TRUE);
  show_text (self, cr, raad_speelveld_quadrant_title (RAAD_QUADRANT_MONITOR), x + 6, y + h - 22, 0, TRUE);
  show_text (self, cr, raad_speelveld_quadrant_title (RAAD_QUADRANT_KEEP_INFORMED), x + w - 6, y + h - 22, 1, TRUE);

  /* Axes: the levels 1–5 and their names. */
  for (int i = 0; i < 5; i++)
    {
      number[0] = '1' + i;
      show_text (self, cr, number, x + (i + 0.5) * w / 5, y + h + 2, 0.5, FALSE);
      show_text (self, cr, number, x - 8, y + (4 - i + 0.5) * h / 5 - 9, 1, FALSE);
    }
  show_text (self, cr, _("Interest →"), x + w / 2, y + h + 20, 0.5, TRUE);
  cairo_save (cr);
  cairo_translate (cr, EDGE, y + h / 2);
  cairo_rotate (cr, -G_PI / 2);
  show_text (self, cr, _("Influence →"), 0, -4, 0.5, TRUE);
  cairo_restore (cr);
}

/* The line from a party's tile (its centre as last allocated) to the council, drawn as
 * the export draws it. */
static void
draw_link (cairo_t                *cr,
           RaadSpeelveldLinkCache *cache,
           Tile                   *tile,
           double                  council_x,
           double                  council_y)
{
  RaadRecord *party = RAAD_RECORD (tile->party);
  const char *right = raad_record_get_string (party, "formal-right");
  const char *right_title = right != NULL && g_strcmp0 (right, "none") != 0
                            ? raad_speelveld_right_title (right) : NULL;

  /* Screen pixels are smaller than the paper's points the links are made for. */
  cairo_save (cr);
  cairo_scale (cr, LINK_SCALE, LINK_SCALE);
  raad_speelveld_draw_link_cached (cr, cache, tile->cx / LINK_SCALE, tile->cy / LINK_SCALE,
                                   council_x / LINK_SCALE, council_y / LINK_SCALE,
                                   raad_record_get_string (party, "relation"), right_title);
  cairo_restore (cr);
  tile->link_x = tile->cx;
  tile->link_y = tile->cy;
}

/* One line in a node of its own: the dragged tile's, drawn anew each drag frame. */
static GskRenderNode *
link_node_new (RaadStakeholderMap *self,
               Tile               *tile,
               double              council_x,
               double              council_y)
{
  /* Room for the thickest line and the label's pill at the middle. */
  double margin = 60 * LINK_SCALE;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (floor (MIN (tile->cx, council_x) - margin),
                                               floor (MIN (tile->cy, council_y) - margin / 3),
                                               ceil (fabs (tile->cx - council_x) + 2 * margin),
                                               ceil (fabs (tile->cy - council_y) + 2 * margin / 3));
  GskRenderNode *node = gsk_cairo_node_new (&bounds);
  cairo_t *cr = gsk_cairo_node_get_draw_context (node);

  draw_link (cr, self->link_cache, tile, council_x, council_y);
  cairo_destroy (cr);
  return node;
}

/* The lines of all tiles but @except, painted once into one image the size of the field, in
 * a node that paints that image: a frame then only copies the part it redraws. (A node with
 * the lines themselves would be replayed line by line in every frame that touches it, sixty
 * nodes would each cost the area they cover, and a texture node is converted pixel by pixel
 * in every frame by GTK 4.8's cairo renderer.) */
static GskRenderNode *
links_node_new (RaadStakeholderMap *self,
                Tile               *except,
                double              council_x,
                double              council_y,
                int                 width,
                int                 height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  GskRenderNode *node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  for (guint i = 0; i < self->tiles->len; i++)
    {
      Tile *tile = g_ptr_array_index (self->tiles, i);

      if (tile != except)
        draw_link (cr, self->link_cache, tile, council_x, council_y);
    }
  cairo_destroy (cr);

  cr = gsk_cairo_node_get_draw_context (node);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return node;
}

/* Gesture callbacks */

static void
drag_begin_cb (GtkGestureDrag     *gesture,
               double              x,
               double              y,
               RaadStakeholderMap *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  self->dragged = NULL;
  for (; picked != NULL && picked != GTK_WIDGET (self); picked = gtk_widget_get_parent (picked))
    if (gtk_widget_get_parent (picked) == GTK_WIDGET (self))
      {
        self->dragged = tile_of (picked);
        break;
      }
  if (self->dragged == NULL || self->grid)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_start_cx = self->dragged->cx;
  self->drag_start_cy = self->dragged->cy;
}

static void
drag_update_cb (GtkGestureDrag     *gesture,
                double              dx,
                double              dy,
                RaadStakeholderMap *self)
{
  if (self->dragged == NULL)
    return;
  if (!self->dragging)
    {
      /* A click stays the tile's; only a real move becomes a drag. */
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy))
        return;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_grab_focus (self->dragged->button);
    }
  raad_stakeholder_map_drag_to (self, raad_record_get_id (RAAD_RECORD (self->dragged->party)),
                                self->drag_start_cx + dx, self->drag_start_cy + dy);
}

static void
drag_end_cb (GtkGestureDrag     *gesture,
             double              dx,
             double              dy,
             RaadStakeholderMap *self)
{
  g_autoptr(GError) error = NULL;

  if (self->dragging && !raad_stakeholder_map_drag_end (self, &error))
    g_warning ("Could not store the place of the party: %s", error->message);
  self->dragged = NULL;
  self->dragging = FALSE;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           RaadStakeholderMap       *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;
  raad_stakeholder_map_set_zoom (self, self->zoom * (dy < 0 ? 1.1 : 1 / 1.1));
  return TRUE;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RaadStakeholderMap *self = RAAD_STAKEHOLDER_MAP (widget);
  Tile *tile = focused_tile (self);
  g_autoptr(GError) error = NULL;
  double dx, dy;

  if (tile == NULL || self->grid)
    return;
  g_variant_get (parameter, "(dd)", &dx, &dy);
  if (!raad_stakeholder_map_move_party (self, raad_record_get_id (RAAD_RECORD (tile->party)),
                                        dx, dy, &error))
    g_warning ("Could not store the place of the party: %s", error->message);
}

/* Overrides */

static void
raad_stakeholder_map_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  RaadStakeholderMap *self = RAAD_STAKEHOLDER_MAP (widget);
  double base = orientation == GTK_ORIENTATION_HORIZONTAL ? BASE_WIDTH : BASE_HEIGHT;

  *minimum = *natural = (int) ceil (base * self->zoom);
}

static void
raad_stakeholder_map_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  RaadStakeholderMap *self = RAAD_STAKEHOLDER_MAP (widget);

  if (self->grid)
    {
      self->field_x = AXIS_START;
      self->field_y = EDGE;
      self->field_w = MAX (width - AXIS_START - EDGE, 1);
      self->field_h = MAX (height - AXIS_BOTTOM - EDGE, 1);
      allocate_grid (self);
      return;
    }

  self->field_x = self->field_y = 0;
  self->field_w = width;
  self->field_h = height;
  self->scale = self->zoom;
  allocate_centred (self->council, self->field_x + self->field_w / 2,
                    self->field_y + self->field_h / 2, self->scale);
  for (guint i = 0; i < self->tiles->len; i++)
    {
      Tile *tile = g_ptr_array_index (self->tiles, i);

      gtk_widget_measure (tile->button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &tile->width, NULL, NULL);
      gtk_widget_measure (tile->button, GTK_ORIENTATION_VERTICAL, tile->width, NULL, &tile->height,
                          NULL, NULL);
      centre_of (self, tile, &tile->cx, &tile->cy);
      allocate_centred (tile->button, tile->cx, tile->cy, self->scale);
    }
}

static void
raad_stakeholder_map_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  RaadStakeholderMap *self = RAAD_STAKEHOLDER_MAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  if (self->grid)
    {
      /* Kept while the size and the fonts stay. */
      ensure_text_style (self);
      if (self->grid_node == NULL || self->grid_width != width || self->grid_height != height)
        {
          GtkSnapshot *grid = gtk_snapshot_new ();

          cr = gtk_snapshot_append_cairo (grid, &GRAPHENE_RECT_INIT (0, 0, width, height));
          draw_grid (self, cr);
          cairo_destroy (cr);
          g_clear_pointer (&self->grid_node, gsk_render_node_unref);
          self->grid_node = gtk_snapshot_free_to_node (grid);
          self->grid_width = width;
          self->grid_height = height;
        }
      if (self->grid_node != NULL)
        gtk_snapshot_append_node (snapshot, self->grid_node);
    }
  else
    {
      double council_x = self->field_x + self->field_w / 2;
      double council_y = self->field_y + self->field_h / 2;
      gboolean moved = council_x != self->council_x || council_y != self->council_y;
      Tile *except = self->dragging ? self->dragged : NULL;
      gboolean stale = self->links == NULL || moved || except != self->links_except
                       || width != self->links_width || height != self->links_height
                       || gtk_widget_get_scale_factor (widget) != self->links_scale;

      self->council_x = council_x;
      self->council_y = council_y;
      /* The lines of the tiles that stay in one node, kept while their ends stay; a drag frame
       * draws only the dragged tile's line anew and damages only its own rectangle. */
      for (guint i = 0; i < self->tiles->len && !stale; i++)
        {
          Tile *tile = g_ptr_array_index (self->tiles, i);

          stale = tile != except && (tile->link_x != tile->cx || tile->link_y != tile->cy);
        }
      if (stale)
        {
          g_clear_pointer (&self->links, gsk_render_node_unref);
          self->links = links_node_new (self, except, council_x, council_y, width, height);
          self->links_except = except;
          self->links_width = width;
          self->links_height = height;
          self->links_scale = gtk_widget_get_scale_factor (widget);
        }
      gtk_snapshot_append_node (snapshot, self->links);
      if (except != NULL)
        {
          if (except->link == NULL || moved || except->link_x != except->cx || except->link_y != except->cy)
            {
              g_clear_pointer (&except->link, gsk_render_node_unref);
              except->link = link_node_new (self, except, council_x, council_y);
            }
          gtk_snapshot_append_node (snapshot, except->link);
        }
    }

  if (!self->grid)
    gtk_widget_snapshot_child (widget, self->council, snapshot);
  for (guint i = 0; i < self->tiles->len; i++)
    {
      Tile *tile = g_ptr_array_index (self->tiles, i);

      /* The dragged tile last, on top of the others. */
      if (!(self->dragging && tile == self->dragged))
        gtk_widget_snapshot_child (widget, tile->button, snapshot);
    }
  if (self->dragging && self->dragged != NULL)
    gtk_widget_snapshot_child (widget, self->dragged->button, snapshot);
}

static void
raad_stakeholder_map_dispose (GObject *object)
{
  RaadStakeholderMap *self = RAAD_STAKEHOLDER_MAP (object);

  self->dragged = NULL;
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->tiles, g_ptr_array_unref);
  g_clear_pointer (&self->council, gtk_widget_unparent);
  g_clear_pointer (&self->links, gsk_render_node_unref);
  g_clear_pointer (&self->grid_node, gsk_render_node_unref);
  g_clear_pointer (&self->link_cache, raad_speelveld_link_cache_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->mark_icons); i++)
    g_clear_object (&self->mark_icons[i]);
  for (guint i = 0; i < N_PARTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);

  G_OBJECT_CLASS (raad_stakeholder_map_parent_class)->dispose (object);
}

static void
raad_stakeholder_map_class_init (RaadStakeholderMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  struct { guint key; double dx, dy; } moves[] = {
    { GDK_KEY_Left, -0.02, 0 }, { GDK_KEY_Right, 0.02, 0 },
    { GDK_KEY_Up, 0, -0.02 }, { GDK_KEY_Down, 0, 0.02 },
    { GDK_KEY_KP_Left, -0.02, 0 }, { GDK_KEY_KP_Right, 0.02, 0 },
    { GDK_KEY_KP_Up, 0, -0.02 }, { GDK_KEY_KP_Down, 0, 0.02 },
  };

  object_class->dispose = raad_stakeholder_map_dispose;
  widget_class->measure = raad_stakeholder_map_measure;
  widget_class->size_allocate = raad_stakeholder_map_size_allocate;
  widget_class->snapshot = raad_stakeholder_map_snapshot;

  signals[PARTY_ACTIVATED] = g_signal_new ("party-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, RAAD_TYPE_STAKEHOLDER);

  gtk_widget_class_install_action (widget_class, "map.move", "(dd)", move_action);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, moves[i].key, GDK_ALT_MASK, "map.move",
                                           "(dd)", moves[i].dx, moves[i].dy);
      /* Shift for a larger step. */
      gtk_widget_class_add_binding_action (widget_class, moves[i].key, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                           "map.move", "(dd)", 5 * moves[i].dx, 5 * moves[i].dy);
    }
  gtk_widget_class_set_css_name (widget_class, "stakeholder-map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
raad_stakeholder_map_init (RaadStakeholderMap *self)
{
  GtkEventController *scroll;

  self->zoom = 1.0;
  self->scale = 1.0;
  self->tiles = g_ptr_array_new_with_free_func ((GDestroyNotify) tile_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->link_cache = raad_speelveld_link_cache_new ();

  self->council = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->council), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->council), 16);
  gtk_label_set_justify (GTK_LABEL (self->council), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->council, "raad-council-centre");
  gtk_widget_add_css_class (self->council, "title-4");
  gtk_widget_set_parent (self->council, GTK_WIDGET (self));

  self->drag = gtk_gesture_drag_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->drag), GTK_PHASE_CAPTURE);
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Playing field"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Alt+arrow keys move the focused party; Enter opens it"),
                                  -1);
}

/* Public API */

GtkWidget *
raad_stakeholder_map_new (void)
{
  return g_object_new (RAAD_TYPE_STAKEHOLDER_MAP, NULL);
}

void
raad_stakeholder_map_set_parties (RaadStakeholderMap *self,
                                  const char         *council_name,
                                  GPtrArray          *dues)
{
  g_autoptr(GPtrArray) parties = g_ptr_array_new ();
  g_autofree double *xy = NULL;
  g_autofree double *grid_xy = NULL;
  gboolean same = dues->len == self->tiles->len;

  g_return_if_fail (RAAD_IS_STAKEHOLDER_MAP (self));

  gtk_label_set_text (GTK_LABEL (self->council), council_name != NULL ? council_name : "");
  for (guint i = 0; i < dues->len && same; i++)
    {
      RaadContactDue *due = g_ptr_array_index (dues, i);
      Tile *tile = g_ptr_array_index (self->tiles, i);

      same = g_strcmp0 (raad_record_get_id (RAAD_RECORD (due->party)),
                        raad_record_get_id (RAAD_RECORD (tile->party))) == 0;
    }

  /* Another set or order of parties: new tiles (the focus order follows the list). */
  if (!same)
    {
      self->dragged = NULL;
      self->dragging = FALSE;
      g_hash_table_remove_all (self->by_id);
      g_clear_pointer (&self->links, gsk_render_node_unref);
      self->links_except = NULL;
      g_ptr_array_set_size (self->tiles, 0);
      for (guint i = 0; i < dues->len; i++)
        {
          RaadContactDue *due = g_ptr_array_index (dues, i);
          Tile *tile = tile_new (self, due->party);

          g_ptr_array_add (self->tiles, tile);
          g_hash_table_insert (self->by_id, (char *) raad_record_get_id (RAAD_RECORD (tile->party)), tile);
        }
    }

  for (guint i = 0; i < dues->len; i++)
    {
      RaadContactDue *due = g_ptr_array_index (dues, i);

      tile_update (g_ptr_array_index (self->tiles, i), due, self->grid);
      g_ptr_array_add (parties, due->party);
    }

  xy = g_new (double, 2 * MAX (parties->len, 1));
  grid_xy = g_new (double, 2 * MAX (parties->len, 1));
  raad_speelveld_map_places (parties, xy);
  raad_speelveld_grid_places (parties, grid_xy);
  for (guint i = 0; i < self->tiles->len; i++)
    {
      Tile *tile = g_ptr_array_index (self->tiles, i);

      tile->x = xy[2 * i];
      tile->y = xy[2 * i + 1];
      tile->gx = grid_xy[2 * i];
      tile->gy = grid_xy[2 * i + 1];
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
raad_stakeholder_map_prepare (RaadStakeholderMap *self)
{
  int width;

  g_return_if_fail (RAAD_IS_STAKEHOLDER_MAP (self));

  for (guint i = 0; i < self->tiles->len; i++)
    {
      Tile *tile = g_ptr_array_index (self->tiles, i);

      gtk_widget_measure (tile->button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      gtk_widget_measure (tile->button, GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);
    }
  gtk_widget_measure (self->council, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (self->council, GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);

  /* The fonts and glyphs of the tiles and of the lines' labels, loaded and rasterized now (into
   * the font caches) rather than in the first frame: each text drawn once on a scrap image. */
  {
    cairo_surface_t *scrap = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 240, 60);
    cairo_t *cr = cairo_create (scrap);

    for (guint i = 0; i < self->tiles->len; i++)
      {
        Tile *tile = g_ptr_array_index (self->tiles, i);
        RaadRecord *party = RAAD_RECORD (tile->party);
        const char *right = raad_record_get_string (party, "formal-right");

        for (Part part = PART_NAME; part < N_PARTS; part++)
          {
            PangoLayout *layout = party_tile_get_layout (RAAD_PARTY_TILE (tile->button), part);

            if (layout != NULL)
              {
                cairo_move_to (cr, 0, 0);
                pango_cairo_show_layout (cr, layout);
              }
          }
        if (right != NULL && g_strcmp0 (right, "none") != 0)
          {
            /* At the scale the map draws them, for the same glyphs. */
            cairo_save (cr);
            cairo_scale (cr, LINK_SCALE, LINK_SCALE);
            raad_speelveld_draw_link_cached (cr, self->link_cache, 4, 20, 160, 20,
                                             raad_record_get_string (party, "relation"),
                                             raad_speelveld_right_title (right));
            cairo_restore (cr);
          }
      }
    cairo_destroy (cr);
    cairo_surface_destroy (scrap);
  }
}

void
raad_stakeholder_map_set_grid (RaadStakeholderMap *self,
                               gboolean            grid)
{
  g_return_if_fail (RAAD_IS_STAKEHOLDER_MAP (self));

  grid = !!grid;
  if (self->grid == grid)
    return;
  self->grid = grid;
  self->dragging = FALSE;
  self->dragged = NULL;
  update_compact (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
raad_stakeholder_map_get_grid (RaadStakeholderMap *self)
{
  g_return_val_if_fail (RAAD_IS_STAKEHOLDER_MAP (self), FALSE);

  return self->grid;
}

void
raad_stakeholder_map_set_zoom (RaadStakeholderMap *self,
                               double              zoom)
{
  g_return_if_fail (RAAD_IS_STAKEHOLDER_MAP (self));

  zoom = CLAMP (zoom, 0.5, 3.0);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

double
raad_stakeholder_map_get_zoom (RaadStakeholderMap *self)
{
  g_return_val_if_fail (RAAD_IS_STAKEHOLDER_MAP (self), 1.0);

  return self->zoom;
}

gboolean
raad_stakeholder_map_move_party (RaadStakeholderMap *self,
                                 const char         *party_id,
                                 double              dx,
                                 double              dy,
                                 GError            **error)
{
  Tile *tile;
  double cx, cy;

  g_return_val_if_fail (RAAD_IS_STAKEHOLDER_MAP (self), FALSE);

  tile = g_hash_table_lookup (self->by_id, party_id);
  if (tile == NULL)
    return TRUE;
  tile->x = CLAMP (tile->x + dx, 0.0, 1.0);
  tile->y = CLAMP (tile->y + dy, 0.0, 1.0);
  /* Not past where the tile can be shown. */
  if (self->field_w > 0 && tile->width > 0)
    {
      centre_of (self, tile, &cx, &cy);
      tile->x = to_fraction (cx, self->field_x, self->field_w);
      tile->y = to_fraction (cy, self->field_y, self->field_h);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return raad_speelveld_set_place (tile->party, tile->x, tile->y, error);
}

GtkWidget *
raad_stakeholder_map_get_tile (RaadStakeholderMap *self,
                               const char         *party_id)
{
  Tile *tile;

  g_return_val_if_fail (RAAD_IS_STAKEHOLDER_MAP (self), NULL);

  tile = g_hash_table_lookup (self->by_id, party_id);
  return tile != NULL ? tile->button : NULL;
}

RaadStakeholder *
raad_stakeholder_map_tile_get_party (GtkWidget *tile)
{
  Tile *data = tile_of (tile);

  return data != NULL ? data->party : NULL;
}

RaadContactState
raad_stakeholder_map_tile_get_state (GtkWidget *tile)
{
  Tile *data = tile_of (tile);

  return data != NULL ? data->state : RAAD_CONTACT_NO_RHYTHM;
}

const char *
raad_stakeholder_map_tile_get_description (GtkWidget *tile)
{
  Tile *data = tile_of (tile);

  return data != NULL ? data->description : NULL;
}

void
raad_stakeholder_map_drag_to (RaadStakeholderMap *self,
                              const char         *party_id,
                              double              x,
                              double              y)
{
  Tile *tile;

  g_return_if_fail (RAAD_IS_STAKEHOLDER_MAP (self));

  tile = g_hash_table_lookup (self->by_id, party_id);
  if (tile == NULL || self->grid)
    return;
  self->dragged = tile;
  self->dragging = TRUE;
  /* Only allocation and drawing, no store (allocation keeps it inside the field). */
  self->drag_cx = x;
  self->drag_cy = y;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
raad_stakeholder_map_drag_end (RaadStakeholderMap *self,
                               GError            **error)
{
  Tile *tile = self->dragged;

  g_return_val_if_fail (RAAD_IS_STAKEHOLDER_MAP (self), FALSE);

  double cx, cy;

  if (tile == NULL || !self->dragging)
    {
      self->dragged = NULL;
      return TRUE;
    }
  centre_of (self, tile, &cx, &cy);
  self->dragged = NULL;
  self->dragging = FALSE;
  tile->x = to_fraction (cx, self->field_x, self->field_w);
  tile->y = to_fraction (cy, self->field_y, self->field_h);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return raad_speelveld_set_place (tile->party, tile->x, tile->y, error);
}
