/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-wrap-box.h: lays its children out in lines, wrapping to the next line when full */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAAD_TYPE_WRAP_BOX (raad_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (RaadWrapBox, raad_wrap_box, RAAD, WRAP_BOX, GtkWidget)

GtkWidget *raad_wrap_box_new          (void);
void       raad_wrap_box_append       (RaadWrapBox *self,
                                       GtkWidget   *child);
void       raad_wrap_box_remove_all   (RaadWrapBox *self);
int        raad_wrap_box_get_spacing  (RaadWrapBox *self);
void       raad_wrap_box_set_spacing  (RaadWrapBox *self,
                                       int          spacing);
int        raad_wrap_box_get_line_spacing (RaadWrapBox *self);
void       raad_wrap_box_set_line_spacing (RaadWrapBox *self,
                                           int          spacing);
gboolean   raad_wrap_box_get_centered (RaadWrapBox *self);
void       raad_wrap_box_set_centered (RaadWrapBox *self,
                                       gboolean     centered);

G_END_DECLS
