/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-speelveld-page.c: the playing field (speelveld): the council's parties on a map and a grid, their contact log */
#define G_LOG_DOMAIN "raad-speelveld-page"

#include "config.h"

#include <adwaita.h>

#include "raad-speelveld-page.h"

struct _RaadSpeelveldPage
{
  GtkWidget   parent_instance;

  RaadStore  *store;
  GSettings  *settings;
  char       *council_id;
};

G_DEFINE_FINAL_TYPE (RaadSpeelveldPage, raad_speelveld_page, GTK_TYPE_WIDGET)

static void
council_changed_cb (RaadSpeelveldPage *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "current-council");

  g_free (self->council_id);
  self->council_id = *id != '\0' ? g_steal_pointer (&id) : NULL;
}

static void
raad_speelveld_page_dispose (GObject *object)
{
  RaadSpeelveldPage *self = RAAD_SPEELVELD_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAAD_TYPE_SPEELVELD_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->council_id, g_free);

  G_OBJECT_CLASS (raad_speelveld_page_parent_class)->dispose (object);
}

static void
raad_speelveld_page_class_init (RaadSpeelveldPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raad_speelveld_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/raadswerk/Raadswerk/speelveld/raad-speelveld-page.ui");
}

static void
raad_speelveld_page_init (RaadSpeelveldPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::current-council",
                           G_CALLBACK (council_changed_cb), self, G_CONNECT_SWAPPED);
  council_changed_cb (self);
}

void
raad_speelveld_page_set_store (RaadSpeelveldPage *self,
                   RaadStore *store)
{
  g_return_if_fail (RAAD_IS_SPEELVELD_PAGE (self));

  g_set_object (&self->store, store);
}

RaadStore *
raad_speelveld_page_get_store (RaadSpeelveldPage *self)
{
  g_return_val_if_fail (RAAD_IS_SPEELVELD_PAGE (self), NULL);

  return self->store;
}

const char *
raad_speelveld_page_get_council_id (RaadSpeelveldPage *self)
{
  g_return_val_if_fail (RAAD_IS_SPEELVELD_PAGE (self), NULL);

  return self->council_id;
}
