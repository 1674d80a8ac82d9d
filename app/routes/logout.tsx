import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { logout } from "~/lib/auth.server";

/** Sign-out is a POST only (a GET could be triggered by any link or image on another site). */
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const cookie = await logout(request);
  return redirect("/login", { headers: { "Set-Cookie": cookie } });
}
