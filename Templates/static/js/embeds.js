// blogctl: a video embed (youtube, vimeo shortcodes) asks the video site for nothing until the
// reader clicks it; then its player takes the card's place.
document.querySelectorAll(".embed-video").forEach(function (embed) {
  embed.querySelector("a").addEventListener("click", function (event) {
    event.preventDefault();
    var player = document.createElement("iframe");
    player.src = embed.dataset.embedSrc;
    player.title = embed.dataset.embedTitle;
    player.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    player.allowFullscreen = true;
    player.referrerPolicy = "strict-origin-when-cross-origin";
    embed.replaceChildren(player);
  });
});
