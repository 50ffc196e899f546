/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-wrap-box.c: lays its children out in lines, wrapping to the next line when full */
#define G_LOG_DOMAIN "raad-wrap-box"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-wrap-box.h"

/* GTK 4.8 has no wrapping box (GtkFlowBox makes its children focusable grid cells, which
 * is wrong for filter dropdowns and pill labels). Children keep their natural width, at most
 * the full width; a line holds as many as fit; the height for a width follows from that.
 * Focus moves through the children in order, as in a GtkBox. */

struct _RaadWrapBox
{
  GtkWidget parent_instance;

  int       spacing;
  int       line_spacing;
  int       max_natural_width;
  gboolean  centered;
};

static void raad_wrap_box_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RaadWrapBox, raad_wrap_box, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      raad_wrap_box_buildable_init))

enum {
  PROP_0,
  PROP_SPACING,
  PROP_LINE_SPACING,
  PROP_CENTERED,
  PROP_MAX_NATURAL_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

/* Walks the lines for @width; calls @place (when set) for every child with its box. Returns
 * the total height. */
typedef void (*PlaceFunc) (GtkWidget *child, int x, int y, int width, int height);

static int
child_width (GtkWidget *child,
             int        available)
{
  int min, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return MAX (min, MIN (nat, available));
}

static int
child_height (GtkWidget *child,
              int        width)
{
  int min, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  return nat;
}

static int
layout_lines (RaadWrapBox *self,
              int          width,
              PlaceFunc    place)
{
  GtkWidget *line_start = gtk_widget_get_first_child (GTK_WIDGET (self));
  int y = 0;
  gboolean first_line = TRUE;

  while (line_start != NULL)
    {
      GtkWidget *child;
      GtkWidget *line_end = NULL;
      int line_width = 0;
      int line_height = 0;
      int n = 0;
      int x;

      /* Gather one line. */
      for (child = line_start; child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int w;

          if (!gtk_widget_should_layout (child))
            continue;
          w = child_width (child, width);
          if (n > 0 && line_width + self->spacing + w > width)
            break;
          line_width += (n > 0 ? self->spacing : 0) + w;
          line_height = MAX (line_height, child_height (child, w));
          n++;
        }
      line_end = child;
      if (n == 0)
        break;

      if (!first_line)
        y += self->line_spacing;
      first_line = FALSE;

      x = self->centered ? MAX (0, (width - line_width) / 2) : 0;
      if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
        x = width - x;
      for (child = line_start; child != line_end; child = gtk_widget_get_next_sibling (child))
        {
          int w;

          if (!gtk_widget_should_layout (child))
            continue;
          w = child_width (child, width);
          if (place != NULL)
            {
              if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
                place (child, x - w, y, w, line_height);
              else
                place (child, x, y, w, line_height);
            }
          if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
            x -= w + self->spacing;
          else
            x += w + self->spacing;
        }
      y += line_height;
      line_start = line_end;
    }

  return y;
}

static void
place_child (GtkWidget *child,
             int        x,
             int        y,
             int        width,
             int        height)
{
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

/* GtkWidget */

static GtkSizeRequestMode
raad_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
raad_wrap_box_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  RaadWrapBox *self = RAAD_WRAP_BOX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0, n = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += (n > 0 ? self->spacing : 0) + child_nat;
          n++;
        }
      /* Asking for less than one long line lets a card stay narrow and wrap instead. */
      if (self->max_natural_width >= 0)
        nat = MAX (min, MIN (nat, self->max_natural_width));
      *minimum = min;
      *natural = nat;
    }
  else
    {
      int width = for_size;
      int height, ignored;

      if (width < 0)
        raad_wrap_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &ignored, &width,
                               NULL, NULL);
      height = layout_lines (self, width, NULL);
      *minimum = height;
      *natural = height;
    }
}

static void
raad_wrap_box_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  layout_lines (RAAD_WRAP_BOX (widget), width, place_child);
}

static void
raad_wrap_box_dispose (GObject *object)
{
  raad_wrap_box_remove_all (RAAD_WRAP_BOX (object));

  G_OBJECT_CLASS (raad_wrap_box_parent_class)->dispose (object);
}

static void
raad_wrap_box_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RaadWrapBox *self = RAAD_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_LINE_SPACING:
      g_value_set_int (value, self->line_spacing);
      break;
    case PROP_CENTERED:
      g_value_set_boolean (value, self->centered);
      break;
    case PROP_MAX_NATURAL_WIDTH:
      g_value_set_int (value, self->max_natural_width);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_wrap_box_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RaadWrapBox *self = RAAD_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      raad_wrap_box_set_spacing (self, g_value_get_int (value));
      break;
    case PROP_LINE_SPACING:
      raad_wrap_box_set_line_spacing (self, g_value_get_int (value));
      break;
    case PROP_CENTERED:
      raad_wrap_box_set_centered (self, g_value_get_boolean (value));
      break;
    case PROP_MAX_NATURAL_WIDTH:
      if (self->max_natural_width != g_value_get_int (value))
        {
          self->max_natural_width = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* GtkBuildable */

static void
raad_wrap_box_buildable_add_child (GtkBuildable *buildable,
                                   GtkBuilder   *builder,
                                   GObject      *child,
                                   const char   *type)
{
  if (GTK_IS_WIDGET (child))
    raad_wrap_box_append (RAAD_WRAP_BOX (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
raad_wrap_box_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = raad_wrap_box_buildable_add_child;
}

static void
raad_wrap_box_class_init (RaadWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raad_wrap_box_dispose;
  object_class->get_property = raad_wrap_box_get_property;
  object_class->set_property = raad_wrap_box_set_property;

  widget_class->get_request_mode = raad_wrap_box_get_request_mode;
  widget_class->measure = raad_wrap_box_measure;
  widget_class->size_allocate = raad_wrap_box_size_allocate;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE_SPACING] =
    g_param_spec_int ("line-spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CENTERED] =
    g_param_spec_boolean ("centered", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The natural width asked for at most (when not -1): more children wrap instead. */
  properties[PROP_MAX_NATURAL_WIDTH] =
    g_param_spec_int ("max-natural-width", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "wrapbox");
}

static void
raad_wrap_box_init (RaadWrapBox *self)
{
  self->max_natural_width = -1;
}

GtkWidget *
raad_wrap_box_new (void)
{
  return g_object_new (RAAD_TYPE_WRAP_BOX, NULL);
}

void
raad_wrap_box_append (RaadWrapBox *self,
                      GtkWidget   *child)
{
  g_return_if_fail (RAAD_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

void
raad_wrap_box_remove_all (RaadWrapBox *self)
{
  GtkWidget *child;

  g_return_if_fail (RAAD_IS_WRAP_BOX (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

int
raad_wrap_box_get_spacing (RaadWrapBox *self)
{
  g_return_val_if_fail (RAAD_IS_WRAP_BOX (self), 0);

  return self->spacing;
}

void
raad_wrap_box_set_spacing (RaadWrapBox *self,
                           int          spacing)
{
  g_return_if_fail (RAAD_IS_WRAP_BOX (self));

  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

int
raad_wrap_box_get_line_spacing (RaadWrapBox *self)
{
  g_return_val_if_fail (RAAD_IS_WRAP_BOX (self), 0);

  return self->line_spacing;
}

void
raad_wrap_box_set_line_spacing (RaadWrapBox *self,
                                int          spacing)
{
  g_return_if_fail (RAAD_IS_WRAP_BOX (self));

  if (self->line_spacing == spacing)
    return;
  self->line_spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE_SPACING]);
}

gboolean
raad_wrap_box_get_centered (RaadWrapBox *self)
{
  g_return_val_if_fail (RAAD_IS_WRAP_BOX (self), FALSE);

  return self->centered;
}

void
raad_wrap_box_set_centered (RaadWrapBox *self,
                            gboolean     centered)
{
  g_return_if_fail (RAAD_IS_WRAP_BOX (self));

  centered = !!centered;
  if (self->centered == centered)
    return;
  self->centered = centered;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTERED]);
}
