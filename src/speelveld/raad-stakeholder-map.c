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
 * the field larger than the window (it then scrolls). */

#define BASE_WIDTH  720
#define BASE_HEIGHT 520
#define AXIS_START  44   /* room for the influence axis, left of the grid */
#define AXIS_BOTTOM 40   /* room for the interest axis, below the grid */
#define EDGE        8
#define LINK_SCALE  1.4  /* the export's link labels are sized for paper */

typedef struct
{
  RaadStakeholderMap *map;
  RaadStakeholder    *party;
  GtkWidget          *button;
  GtkWidget          *name_label;
  GtkWidget          *category_label;
  GtkWidget          *person_label;
  GtkWidget          *mark;
  GtkWidget          *mark_icon;
  GtkWidget          *mark_label;
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

static GtkWidget *
new_caption (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
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
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  tile->mark_icon = icon;
  tile->map = self;
  tile->party = g_object_ref (party);
  tile->button = gtk_button_new ();
  gtk_widget_set_name (tile->button, "party");
  gtk_widget_add_css_class (tile->button, "card");
  gtk_widget_add_css_class (tile->button, "raad-party-tile");
  tile->name_label = new_caption ("heading");
  gtk_label_set_lines (GTK_LABEL (tile->name_label), 3);
  tile->category_label = new_caption ("caption");
  gtk_widget_add_css_class (tile->category_label, "dim-label");
  tile->person_label = new_caption ("caption");
  tile->mark = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_halign (tile->mark, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tile->mark, "raad-overdue-mark");
  tile->mark_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (tile->mark_label, "caption-heading");
  gtk_box_append (GTK_BOX (tile->mark), icon);
  gtk_box_append (GTK_BOX (tile->mark), tile->mark_label);
  gtk_box_append (GTK_BOX (box), tile->name_label);
  gtk_box_append (GTK_BOX (box), tile->category_label);
  gtk_box_append (GTK_BOX (box), tile->person_label);
  gtk_box_append (GTK_BOX (box), tile->mark);
  gtk_button_set_child (GTK_BUTTON (tile->button), box);
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
  gtk_label_set_text (GTK_LABEL (tile->name_label), name != NULL ? name : _("Unnamed party"));
  gtk_label_set_text (GTK_LABEL (tile->category_label),
                      raad_speelveld_category_title (raad_record_get_string (party, "category")));
  gtk_label_set_text (GTK_LABEL (tile->person_label), person != NULL ? person : "");
  tile_set_compact (tile, grid);
  gtk_widget_set_visible (tile->mark, mark != NULL);
  gtk_label_set_text (GTK_LABEL (tile->mark_label), mark != NULL ? mark : "");
  gtk_image_set_from_icon_name (GTK_IMAGE (tile->mark_icon),
                                due->state == RAAD_CONTACT_DUE_SOON ? "alarm-symbolic"
                                                                    : "dialog-warning-symbolic");
  if (due->state == RAAD_CONTACT_DUE_SOON)
    gtk_widget_add_css_class (tile->mark, "soon");
  else
    gtk_widget_remove_css_class (tile->mark, "soon");
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
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (tile->button));
  const char *person = raad_record_get_string (RAAD_RECORD (tile->party), "contact-person");

  gtk_orientable_set_orientation (GTK_ORIENTABLE (box), compact ? GTK_ORIENTATION_HORIZONTAL
                                                                : GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_hexpand (tile->name_label, compact);
  gtk_label_set_xalign (GTK_LABEL (tile->name_label), compact ? 0.0 : 0.5);
  /* A chip must stay inside its cell: there a long word may break. */
  gtk_label_set_wrap_mode (GTK_LABEL (tile->name_label), compact ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
  gtk_label_set_justify (GTK_LABEL (tile->name_label), compact ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_CENTER);
  gtk_widget_set_visible (tile->category_label, !compact);
  gtk_widget_set_visible (tile->person_label, !compact && person != NULL);
  gtk_widget_set_visible (tile->mark_label, !compact);
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

static GskRenderNode *
draw_link_node (Tile   *tile,
                double  council_x,
                double  council_y)
{
  RaadRecord *party = RAAD_RECORD (tile->party);
  const char *right = raad_record_get_string (party, "formal-right");
  const char *right_title = right != NULL && g_strcmp0 (right, "none") != 0
                            ? raad_speelveld_right_title (right) : NULL;
  /* Room for the thickest line and the label's pill at the middle. */
  double margin = 60 * LINK_SCALE;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (floor (MIN (tile->cx, council_x) - margin),
                                               floor (MIN (tile->cy, council_y) - margin / 3),
                                               ceil (fabs (tile->cx - council_x) + 2 * margin),
                                               ceil (fabs (tile->cy - council_y) + 2 * margin / 3));
  GskRenderNode *node = gsk_cairo_node_new (&bounds);
  cairo_t *cr = gsk_cairo_node_get_draw_context (node);

  /* Screen pixels are smaller than the paper's points the links are made for. */
  cairo_scale (cr, LINK_SCALE, LINK_SCALE);
  raad_speelveld_draw_link (cr, tile->cx / LINK_SCALE, tile->cy / LINK_SCALE,
                            council_x / LINK_SCALE, council_y / LINK_SCALE,
                            raad_record_get_string (party, "relation"), right_title);
  cairo_destroy (cr);
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
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      draw_grid (self, cr);
      cairo_destroy (cr);
    }
  else
    {
      double council_x = self->field_x + self->field_w / 2;
      double council_y = self->field_y + self->field_h / 2;
      gboolean moved = council_x != self->council_x || council_y != self->council_y;

      self->council_x = council_x;
      self->council_y = council_y;
      /* One node per link, kept while its ends stay: a drag frame draws one line anew and
       * damages only its own rectangle. */
      for (guint i = 0; i < self->tiles->len; i++)
        {
          Tile *tile = g_ptr_array_index (self->tiles, i);

          if (tile->link == NULL || moved || tile->link_x != tile->cx || tile->link_y != tile->cy)
            {
              g_clear_pointer (&tile->link, gsk_render_node_unref);
              tile->link = draw_link_node (tile, council_x, council_y);
              tile->link_x = tile->cx;
              tile->link_y = tile->cy;
            }
          gtk_snapshot_append_node (snapshot, tile->link);
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
