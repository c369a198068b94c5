// Passkeys: the browser's side of the WebAuthn ceremonies. The server makes the options and checks the answer
// (ASP.NET Core Identity); this file only asks the browser for a credential and puts it in the form, which is
// then submitted as usual. Without JavaScript or WebAuthn, the passkey parts of the page stay hidden.
(() => {
  "use strict";

  const supported = typeof window.PublicKeyCredential === "function"
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function"
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";

  function antiforgeryToken(form) {
    const field = form.querySelector("input[name='__RequestVerificationToken']");
    return field ? field.value : "";
  }

  async function fetchOptions(url, form) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "RequestVerificationToken": antiforgeryToken(form) },
    });
    if (!response.ok) {
      throw new Error("options " + response.status);
    }
    return response.json();
  }

  function showError(form, message) {
    const error = form.querySelector("[data-passkey-error]");
    if (error) {
      error.textContent = message;
      error.hidden = false;
    }
  }

  // The person closed the prompt or it timed out: say so plainly, without blame.
  function describe(error) {
    if (error && error.name === "NotAllowedError") {
      return "Passkey: nothing was chosen, or it took too long. You can try again.";
    }
    if (error && error.name === "InvalidStateError") {
      return "Passkey: this device already has a passkey for your account.";
    }
    return "Passkey: something went wrong. Please try again, or use your password.";
  }

  function onSubmit(form, ceremony) {
    form.addEventListener("submit", async (event) => {
      const field = form.querySelector("input[name='CredentialJson']");
      if (field.value) {
        return; // the credential is in: let the form go
      }
      event.preventDefault();
      const button = form.querySelector("button[type='submit']");
      button.disabled = true;
      try {
        const credential = await ceremony();
        field.value = JSON.stringify(credential);
        form.submit();
      } catch (error) {
        console.error(error);
        showError(form, describe(error));
        button.disabled = false;
      }
    });
  }

  function setUpSignIn() {
    const section = document.querySelector("[data-passkey-section]");
    const form = document.querySelector("form[data-passkey-sign-in]");
    if (!section || !form || !supported) {
      return;
    }
    section.hidden = false;
    onSubmit(form, async () => {
      const options = await fetchOptions("/account/passkey/request-options", form);
      return navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
    });
  }

  function setUpAdd() {
    const form = document.querySelector("form[data-passkey-add]");
    if (!form) {
      return;
    }
    if (!supported) {
      form.hidden = true;
      const unsupported = document.querySelector("[data-passkey-unsupported]");
      if (unsupported) {
        unsupported.hidden = false;
      }
      return;
    }
    onSubmit(form, async () => {
      const options = await fetchOptions("/account/passkey/creation-options", form);
      return navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    setUpSignIn();
    setUpAdd();
  });
})();
